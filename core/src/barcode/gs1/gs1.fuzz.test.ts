import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withGtinCheckDigit } from '../gtin';
import { parseGs1ElementString } from './element-string';
import { parseScannedCode } from './parse-scanned-code';

const GS = '\u001d';
/** Characters that make up real scans, so random strings reach deep into the parser. */
const scanChars = fc.constantFrom(...'0123456789]C1dQ3eABZ-./', GS);
const scanText = fc.array(scanChars, { maxLength: 80 }).map((chars) => chars.join(''));

const validElementString = fc
  .record({
    gtinBody: fc.stringMatching(/^[0-9]{13}$/),
    grams: fc.integer({ min: 0, max: 999_999 }),
    month: fc.integer({ min: 1, max: 12 }),
    batch: fc.stringMatching(/^[A-Za-z0-9]{1,20}$/),
  })
  .map(({ gtinBody, grams, month, batch }) => ({
    text: `01${withGtinCheckDigit(gtinBody)}3103${String(grams).padStart(6, '0')}1727${String(month).padStart(2, '0')}0010${batch}`,
    gtin: withGtinCheckDigit(gtinBody),
    grams,
    batch,
  }));

describe('GS1 parser under random input', () => {
  it('never throws on random text, and every failure names a reason and says why', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), scanText), (text) => {
        const result = parseScannedCode(text, { referenceYear: 2026 });
        if (!result.ok) {
          expect(result.reason).toMatch(/^[a-z-]+$/);
          expect(result.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every valid string back; a truncated one is an error unless cut between elements', () => {
    fc.assert(
      fc.property(validElementString, fc.nat(), ({ text, gtin, grams, batch }, cut) => {
        expect(parseGs1ElementString(text, { referenceYear: 2026 })).toMatchObject({
          ok: true,
          summary: { gtin, netWeightGrams: grams, batchLot: batch },
        });
        const truncated = text.slice(0, cut % text.length);
        const result = parseGs1ElementString(truncated, { referenceYear: 2026 });
        // A cut at an element boundary leaves a shorter valid string; a cut inside the batch, a shorter batch.
        if (result.ok) expect([16, 26, 34].includes(truncated.length) || truncated.length > 36).toBe(true);
        else expect(['truncated', 'empty', 'too-short']).toContain(result.reason);
      }),
      { numRuns: 500 },
    );
  });
});
