import { describe, expect, it } from 'vitest';
import type { ClosingSale } from './closing-sale';
import { hasVouchers, voucherTotals } from './voucher-totals';

const base: ClosingSale = {
  saleId: 's',
  staffId: 'staff-camille',
  currency: 'EUR',
  completedAt: '2026-11-22T10:00:00.000Z',
  total: 0,
  discountTotal: 0,
  cashRounding: 0,
  vat: [],
  tenders: [],
  lines: [],
};

describe('voucherTotals', () => {
  it('keeps gift cards sold, reloaded and store credit given apart, training left out', () => {
    const totals = voucherTotals([
      { ...base, vouchers: [{ cardKind: 'gift_card', operation: 'issue', amount: 5_000 }] },
      { ...base, vouchers: [{ cardKind: 'gift_card', operation: 'reload', amount: 2_000 }] },
      { ...base, kind: 'return', vouchers: [{ cardKind: 'store_credit', operation: 'issue', amount: 700 }] },
      { ...base, training: true, vouchers: [{ cardKind: 'gift_card', operation: 'issue', amount: 9_999 }] },
      base,
    ]);
    expect(totals).toEqual({
      giftCardsSold: { count: 1, amount: 5_000 },
      giftCardsReloaded: { count: 1, amount: 2_000 },
      storeCreditIssued: { count: 1, amount: 700 },
    });
    expect(hasVouchers(totals)).toBe(true);
    expect(hasVouchers(voucherTotals([base]))).toBe(false);
  });
});
