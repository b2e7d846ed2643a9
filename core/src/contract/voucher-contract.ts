import type { IssuedVoucher } from '../receipt/voucher-receipt';
import type { Method } from './contract-method';

/**
 * Gift cards sold and reloaded at the till, store credit given by a return (issue 14). The sale
 * seals voucher lines (sale/voucher-line.ts) with no code; the till host asks the hub to make or
 * load each card only once the sale is sealed, from its own journal through an fsynced outbox
 * (idempotent at the hub by the sale and the line), so a card becomes spendable once, only for a
 * sealed and paid sale, and never for an abandoned one.
 */

/** A card as the hub describes it to the till (never its code). */
export type VoucherCardView = {
  readonly cardId: string;
  readonly maskedCode: string;
  readonly kind: 'gift_card' | 'store_credit';
  readonly currency: string;
  readonly status: 'active' | 'cancelled' | 'expired';
  readonly available: number;
  readonly expiresAt?: string;
};

/** A voucher line of a sealed sale the hub has not answered yet (offline), or refused with its code. */
export type VoucherWaiting =
  | { readonly lineId: string; readonly state: 'waiting' }
  | { readonly lineId: string; readonly state: 'refused'; readonly hubCode: string | null };

/** What became of a sealed sale's vouchers: cards made or loaded (codes in clear the first time only), the others. */
export type VoucherIssueResult = {
  readonly cards: readonly IssuedVoucher[];
  readonly others: readonly VoucherWaiting[];
};

export type VoucherContract = {
  /**
   * Whether a gift card may be sold now: online only (the hub makes the code). Fails NOT_ENROLLED or
   * HUB_UNREACHABLE, which the page words; answers `{ online: true }` otherwise.
   */
  'vouchers.ready': Method<void, { readonly online: true }>;
  /** A card to reload, by its code (in the body, never kept by the host): online only. */
  'vouchers.lookup': Method<{ readonly code: string }, VoucherCardView>;
  /**
   * After the seal: the host makes or loads the sale's cards at the hub now (or, offline, as soon
   * as it answers) and says what became of each; a code in clear comes back once.
   */
  'vouchers.issue': Method<{ readonly saleId: string }, VoucherIssueResult>;
};
