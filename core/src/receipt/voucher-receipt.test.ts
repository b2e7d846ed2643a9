import { describe, expect, it } from 'vitest';
import { emptyCart } from '../cart/cart';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { buildSale } from '../sale/sale';
import { demoSaleContext, signedSaleRecord } from '../test-support/sample-sale';
import { buildReceipt, receiptText } from './receipt-model';

const store = demoStoreProfile();
const code = '7KQ2-M9XD-4HTR-PZ3W-8NCA';

function giftCardSale() {
  const cart = {
    ...emptyCart('s-gc', 'EUR', '2026-11-22T09:00:00.000Z'),
    vouchers: [{ lineId: 'v1', cardKind: 'gift_card' as const, operation: 'issue' as const, amount: 5_000 }],
  };
  return signedSaleRecord(buildSale(cart, [cashTender('c1', 5_000, [], 5_000, store.cashRounding)], demoSaleContext({}, store)), 7);
}

describe('the receipt of a sale that sells a gift card', () => {
  it('prints the card apart from the goods, outside VAT, with its code once on the original', () => {
    const record = giftCardSale();
    const original = receiptText(
      buildReceipt(record, store, {
        width: 42,
        softwareVersion: '1',
        vouchers: [{ lineId: 'v1', code, maskedCode: '••••-••••-••••-••••-8NCA', available: 5_000 }],
      }),
    );
    expect(original).toContain('Carte cadeau vendue');
    expect(original).toContain('Hors champ de TVA');
    expect(original).toContain(code);
    expect(original).toMatch(/Total à payer\s+50,00/);
    for (const line of original.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(42);
    const duplicate = receiptText(
      buildReceipt(record, store, { width: 42, softwareVersion: '1', duplicate: 1, vouchers: [{ lineId: 'v1', maskedCode: '••••-8NCA' }] }),
    );
    expect(duplicate).not.toContain(code);
    expect(duplicate).toContain('••••-8NCA');
  });

  it('says the code is to come when the hub has not made the card yet', () => {
    const text = receiptText(buildReceipt(giftCardSale(), { ...store, receiptLocale: 'en-GB' }, { width: 42, softwareVersion: '1' }));
    expect(text).toContain('Gift card sold');
    expect(text).toContain('ask at the till');
  });
});
