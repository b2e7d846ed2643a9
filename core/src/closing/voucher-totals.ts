import { countsInTotals, isReturn, type ClosingSale } from './closing-sale';

type Count = { readonly count: number; readonly amount: number };

/**
 * Gift cards sold and reloaded, store credit given: money taken for (or refunded as) multi-purpose
 * vouchers, outside the scope of VAT and never revenue (sale/voucher-line.ts). Reports show them
 * apart from the sales figures, which never include them; the tenders that took the money do.
 */
export type VoucherTotals = {
  readonly giftCardsSold: Count;
  readonly giftCardsReloaded: Count;
  readonly storeCreditIssued: Count;
};

export function voucherTotals(sales: readonly ClosingSale[]): VoucherTotals {
  const sums = {
    giftCardsSold: { count: 0, amount: 0 },
    giftCardsReloaded: { count: 0, amount: 0 },
    storeCreditIssued: { count: 0, amount: 0 },
  };
  for (const sale of sales) {
    if (!countsInTotals(sale)) continue;
    for (const v of sale.vouchers ?? []) {
      const sum =
        v.cardKind === 'store_credit' && isReturn(sale)
          ? sums.storeCreditIssued
          : v.operation === 'reload'
            ? sums.giftCardsReloaded
            : sums.giftCardsSold;
      sum.count += 1;
      sum.amount += v.amount;
    }
  }
  return sums;
}

/** Whether a report has any voucher to show (a store that sells none prints nothing about them). */
export function hasVouchers(totals: VoucherTotals): boolean {
  return totals.giftCardsSold.count + totals.giftCardsReloaded.count + totals.storeCreditIssued.count > 0;
}
