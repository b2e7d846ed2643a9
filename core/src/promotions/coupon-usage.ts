import type { CouponPolicy } from './coupon';

/**
 * Why a coupon is refused: stable codes the till and the back office word in French and English
 * (docs/promotions.md lists the sentences), `values` for the sentence.
 */
export const COUPON_REFUSAL_CODES = [
  /** No promotion asks for this code, or it is not a code at all. */
  'coupon_unknown',
  /** A single-use code already used or held for a sale under way. */
  'coupon_used',
  /** The promotion's code alone, when its codes are single-use. */
  'coupon_single_use_only',
  /** The code's usage limit is reached. values: { limit } */
  'coupon_limit_reached',
  /** The code's budget cannot give this discount. values: { left } */
  'coupon_budget_exhausted',
  /** Once per customer, and this customer had it. */
  'coupon_once_per_customer',
  /** Once per customer: a customer must be attached first. */
  'coupon_needs_customer',
  /** The reservation was consumed, released or ran out. */
  'coupon_not_open',
  /** Offline, and the code is not one of this till's block. */
  'coupon_offline',
  /** The cart holds the most coupons it may (values: { max }) or this coupon already. */
  'coupon_cart_full',
] as const;

export type CouponRefusalCode = (typeof COUPON_REFUSAL_CODES)[number];

export class CouponRefusal extends Error {
  constructor(
    readonly code: CouponRefusalCode,
    readonly values: Readonly<Record<string, number>> = {},
  ) {
    super(`Refused: ${code}${Object.keys(values).length > 0 ? ` ${JSON.stringify(values)}` : ''}`);
    this.name = 'CouponRefusal';
  }
}

/** One use of a promotion's coupon as the hub keeps it: held for a sale under way, or consumed by a sale. */
export type CouponUse = {
  readonly useId: string;
  readonly code: string;
  readonly customerId?: string;
  /** Minor units of discount: reserved (at most), then what the sale gave. */
  readonly amount: number;
  readonly state: 'reserved' | 'consumed' | 'released';
  /** A reservation runs out at this instant unless consumed. */
  readonly until?: string;
};

/** Whether a use counts at `at`: consumed, or reserved and not yet run out. */
export function useCounts(use: CouponUse, at: string): boolean {
  if (use.state === 'consumed') return true;
  return use.state === 'reserved' && use.until !== undefined && Date.parse(use.until) > Date.parse(at);
}

export type CouponAsk = {
  /** The normalised code presented. */
  readonly code: string;
  readonly customerId?: string;
  /** Minor units of discount the sale may take from the coupon. */
  readonly amount: number;
};

/**
 * What a reservation is checked against: the uses of the promotion's coupon that count (consumed,
 * or held and not run out), summed, and whether the code or the customer asking is among them.
 * The hub reads them with one aggregate query under the promotion's lock, never every use.
 */
export type CouponFacts = {
  readonly live: number;
  /** Minor units of discount the live uses take. */
  readonly given: number;
  readonly codeTaken: boolean;
  readonly customerTaken: boolean;
};

/** The facts of a list of uses at `at`, for `ask`. */
export function couponFacts(uses: readonly CouponUse[], ask: CouponAsk, at: string): CouponFacts {
  const live = uses.filter((u) => useCounts(u, at));
  return {
    live: live.length,
    given: live.reduce((acc, u) => acc + u.amount, 0),
    codeTaken: live.some((u) => u.code === ask.code),
    customerTaken: ask.customerId !== undefined && live.some((u) => u.customerId === ask.customerId),
  };
}

/**
 * Checks a reservation against the facts of the promotion's coupon (read under the promotion's
 * lock, so two tills asking at once are decided in turn): throws the refusal, or returns nothing
 * when the code may be held.
 */
export function checkCouponFacts(policy: CouponPolicy, facts: CouponFacts, ask: CouponAsk): void {
  if (policy.kind === 'single-use' && facts.codeTaken) throw new CouponRefusal('coupon_used');
  if (policy.oncePerCustomer) {
    if (ask.customerId === undefined) throw new CouponRefusal('coupon_needs_customer');
    if (facts.customerTaken) throw new CouponRefusal('coupon_once_per_customer');
  }
  if (policy.kind !== 'shared') return;
  if (policy.usageLimit !== undefined && facts.live >= policy.usageLimit) {
    throw new CouponRefusal('coupon_limit_reached', { limit: policy.usageLimit });
  }
  if (policy.budget !== undefined) {
    const left = Math.max(0, policy.budget - facts.given);
    // A spent budget refuses even a reservation that does not yet know its amount (0).
    if (ask.amount > left || left === 0) throw new CouponRefusal('coupon_budget_exhausted', { left });
  }
}

/** checkCouponFacts over a list of uses (every use of the promotion) at `at`. */
export function checkCouponReservation(policy: CouponPolicy, uses: readonly CouponUse[], ask: CouponAsk, at: string): void {
  checkCouponFacts(policy, couponFacts(uses, ask, at), ask);
}

/** What the uses of a coupon add up to at `at`: for the back office. */
export function couponUsage(
  uses: readonly CouponUse[],
  at: string,
): { readonly used: number; readonly held: number; readonly given: number } {
  let used = 0;
  let held = 0;
  let given = 0;
  for (const use of uses) {
    if (!useCounts(use, at)) continue;
    if (use.state === 'consumed') used += 1;
    else held += 1;
    given += use.amount;
  }
  return { used, held, given };
}
