import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import { cashSale, unsignedSaleRecord } from '../test-support/sample-sale';
import { buildReceipt, receiptText, type ReceiptOptions } from './receipt-model';

const store = demoStoreProfile();
const options = (width: number) => ({ width, cashierName: 'Camille', softwareVersion: '1.2.3' }) as ReceiptOptions;
const original = unsignedSaleRecord(cashSale({ saleId: 'sold', products: [100, 205] }), 7);
const back = unsignedSaleRecord(
  cashSale({
    saleId: 'back',
    products: [205],
    returnOf: { saleId: 'sold', receipt: 'S001-T01-000007', lines: [{ lineId: 'l0', quantity: 1 }] },
  }),
  8,
);

describe('the ticket of a return', () => {
  it('is titled AVOIR and names the receipt it gives back, at 32 and 48 columns', () => {
    for (const width of [32, 48]) {
      const receipt = buildReceipt(back, store, options(width));
      const text = receiptText(receipt);
      expect(text).toMatch(/^ *AVOIR - RETOUR *$/m);
      expect(text).toMatch(/Retour du ticket n°\s+S001-T01-000007/);
      expect(text).toContain('S001-T01-000008');
      expect(receipt.lines.find((l) => l.kind === 'text' && l.text.includes('AVOIR'))).toMatchObject({ bold: true, large: true });
      for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(width);
    }
  });

  it('says so in English on an English ticket, and a sale’s ticket has neither', () => {
    const english = receiptText(buildReceipt(back, { ...store, receiptLocale: 'en' }, options(42)));
    expect(english).toContain('REFUND - RETURN');
    expect(english).toContain('Return of receipt no. S001-T01-000007');
    const sale = receiptText(buildReceipt(original, store, options(42)));
    expect(sale).not.toContain('AVOIR');
    expect(sale).not.toContain('Retour du ticket');
  });
});
