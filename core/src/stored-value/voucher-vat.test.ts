import { describe, expect, it } from 'vitest';
import { giftCardSaleLine, storedValueVatTreatment, VOUCHER_VAT } from './voucher-vat';

describe('gift card VAT (multi-purpose voucher)', () => {
  it('sells or reloads a card as a line outside the scope of VAT, never revenue, the code masked', () => {
    expect(giftCardSaleLine({ operation: 'issue', cardId: 'gc-1', code: '7KQ2-M9XD-4HTR-PZ3W-8NCA', amount: 5_000 })).toEqual({
      kind: 'stored-value',
      cardKind: 'gift_card',
      operation: 'issue',
      cardId: 'gc-1',
      maskedCode: '••••-••••-••••-••••-8NCA',
      amount: 5_000,
      vat: 'outside-scope',
      revenue: false,
    });
    expect(() => giftCardSaleLine({ operation: 'reload', cardId: 'gc-1', code: '7KQ2-M9XD-4HTR-PZ3W-8NCA', amount: 0 })).toThrow(
      RangeError,
    );
  });

  it('spending a card is a tender: the goods carry their VAT', () => {
    expect(storedValueVatTreatment('issue')).toBe(VOUCHER_VAT);
    expect(storedValueVatTreatment('reload')).toBe(VOUCHER_VAT);
    expect(storedValueVatTreatment('redeem')).toBe('tender');
  });
});
