import type { Method } from './contract-method';

/**
 * Coupon codes at the till (issue 14). The cashier types or scans a code; the host asks the hub
 * (its device token, a short timeout) to reserve it for the open sale, keeps the reservation on disk
 * before answering, seals a coupon discount only against a code it holds for that sale, consumes
 * it at the hub once the sale is sealed (retried until the hub answers, also after a kill -9) and
 * gives it back when the coupon is removed or the sale voided. Offline, only a single-use code of
 * this till's block (given by head office) is accepted; any other code is refused in words
 * (`coupon_offline`). Refusals carry the hub's code in `details.hubCode` (coupon_used,
 * coupon_limit_reached…), which the page words in French and English.
 */

/** A code held for the open sale: which promotion it gives, and how it was obtained. */
export type CouponHeld = {
  readonly code: string;
  readonly promotionId: string;
  readonly version: number;
  readonly kind: 'shared' | 'single-use';
  /** The hub's reservation (online); absent for a code of the till's offline block. */
  readonly reservationId?: string;
  readonly offline?: true;
};

export type CouponContract = {
  /** Holds `code` for the open sale `saleId` (the cart's id); `customerId` for once-per-customer codes. */
  'coupons.reserve': Method<{ readonly saleId: string; readonly code: string; readonly customerId?: string }, CouponHeld>;
  /** Gives the code back (removed from the cart); refused once a sealed sale used it. Offline: given back later. */
  'coupons.release': Method<{ readonly saleId: string; readonly code: string }, { readonly released: boolean }>;
};
