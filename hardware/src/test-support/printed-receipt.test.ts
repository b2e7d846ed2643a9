import { buildReceipt, receiptLabels } from '@pos/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../common/encode-receipt';
import type { PrinterProfile } from '../common/printer';
import { PRINTER_PROFILES } from '../common/printer-profiles';
import { decodeText } from './esc-pos-tokenizer';
import { additionProblems } from './printed-figures';
import { randomSaleArb, type RandomSale } from './random-sales';
import { decodeStarText } from './star-prnt-text';

/** What the printer prints for this sale: the receipt encoded for the profile, decoded back to text. */
function printed({ record, store }: RandomSale, profile: PrinterProfile): string {
  const bytes = encodeReceipt(
    buildReceipt(record, store, { width: profile.columns, cashierName: 'Camille', softwareVersion: '0.1.0' }),
    profile,
  );
  return profile.language === 'star-prnt' ? decodeStarText(bytes) : decodeText(bytes);
}

describe('a printed receipt, read back from the printer bytes', () => {
  for (const profile of PRINTER_PROFILES) {
    it(`${profile.id}: adds up line by line (articles, discounts, subtotal, total, VAT table, tenders, change)`, () => {
      fc.assert(
        fc.property(randomSaleArb, (sale) => {
          expect(additionProblems(printed(sale, profile), receiptLabels(sale.store.receiptLocale))).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });

    it(`${profile.id}: prints French text without a "?" (characters outside the code page transliterated)`, () => {
      fc.assert(
        fc.property(randomSaleArb, (sale) => {
          const text = printed(sale, profile);
          expect(text).not.toMatch(/[?\ufffd]/);
        }),
        { numRuns: 100 },
      );
    });
  }
});
