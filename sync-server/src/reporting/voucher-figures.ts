import type { DashboardRow, DashboardVouchers } from '@pos/core/sync/head-office-api';

/**
 * Gift cards sold or reloaded and store credit given ride in a sale's tender amounts under
 * `voucher:<cardKind>` keys (sale-facts.ts): the roll-up of tenders sums them by day with no new
 * table, and they never touch the sales totals. The dashboard takes them out of the tender
 * breakdown and shows them beside what the gift_card and store_credit tenders redeemed.
 */
export const VOUCHER_KEY_PREFIX = 'voucher:';

export function voucherFactKey(cardKind: string): string {
  return `${VOUCHER_KEY_PREFIX}${cardKind}`;
}

const amountOf = (rows: readonly DashboardRow[], key: string) => rows.find((r) => r.key === key)?.netIncl ?? 0;

/** The tender breakdown without the voucher rows, and sold versus redeemed from both. */
export function splitVouchers(tenderRows: readonly DashboardRow[]): { tenders: DashboardRow[]; vouchers: DashboardVouchers } {
  return {
    tenders: tenderRows.filter((r) => !r.key.startsWith(VOUCHER_KEY_PREFIX)),
    vouchers: {
      giftCardsSold: amountOf(tenderRows, voucherFactKey('gift_card')),
      giftCardsRedeemed: amountOf(tenderRows, 'gift_card'),
      // Given by returns, whose amounts count negatively: what was given, as a positive figure.
      storeCreditIssued: -amountOf(tenderRows, voucherFactKey('store_credit')),
      storeCreditRedeemed: amountOf(tenderRows, 'store_credit'),
    },
  };
}
