import type { CouponPolicy } from './coupon';

/**
 * A promotion as the back office writes it and the tills and the hub read it: versioned data, never
 * code, so the till and the web shop price a basket with the same rules (see docs/promotions.md).
 * A new version replaces the old one; every discount a sale carries names the id and version that gave it.
 */

/** Where a promotion may apply: the till, the web shop, a self-order kiosk. */
export const PROMOTION_CHANNELS = ['store', 'web', 'self-order'] as const;

export type PromotionChannel = (typeof PROMOTION_CHANNELS)[number];

/** Bounds of a promotion: it comes from the back office and travels to every till. */
export const PROMOTION_LIMITS = {
  maxIdLength: 64,
  maxNameLength: 120,
  /** Products (or categories, brands, bundle items, stores, tiers) a rule may name. */
  maxListLength: 1_000,
  /** Amounts in minor units. */
  maxAmount: 1_000_000_000,
  maxBp: 10_000,
  /** Units a buy-x-get-y, mix-and-match, tier or bundle item may ask for. */
  maxQuantity: 1_000,
  maxTiers: 20,
  maxPriority: 1_000,
  maxVersion: 1_000_000_000,
  /** How many times a rule may apply to one basket. */
  maxApplications: 1_000,
} as const;

/** Which items a rule looks at: named products, categories or brands (an item matching any of them). */
export type PromotionTarget = {
  readonly productIds?: readonly string[];
  readonly categories?: readonly string[];
  readonly brands?: readonly string[];
};

export type PercentOff = {
  readonly type: 'percent-off';
  readonly target: PromotionTarget;
  /** Basis points off each matching item (10000 = free). */
  readonly bp: number;
  /** At most this many items, the cheapest ones ("once per order, cheapest unit"); absent: all of them. */
  readonly maxItems?: number;
};

export type AmountOff = {
  readonly type: 'amount-off';
  readonly target: PromotionTarget;
  /** Minor units off each matching item, never more than the item. */
  readonly amount: number;
  readonly maxItems?: number;
};

/** Off the whole basket: the items no other rule took (see docs/promotions.md). */
export type CartPercentOff = { readonly type: 'cart-percent-off'; readonly bp: number; readonly minSubtotal?: number };
export type CartAmountOff = { readonly type: 'cart-amount-off'; readonly amount: number; readonly minSubtotal?: number };

/**
 * Buy `buyQuantity` items, get `getQuantity` items `bp` off (10000: free). Without `getTarget` the
 * items come from one set and the cheapest of each group get the benefit; with it, the benefit goes to
 * the dearest items of `getTarget` and the cheapest items of `target` pay for it.
 */
export type BuyGet = {
  readonly type: 'buy-get';
  readonly target: PromotionTarget;
  readonly buyQuantity: number;
  readonly getQuantity: number;
  readonly getTarget?: PromotionTarget;
  readonly bp: number;
  readonly maxApplications?: number;
};

/** Any `quantity` items of the set for `price` (the dearest items first: best for the customer). */
export type MixAndMatch = {
  readonly type: 'mix-and-match';
  readonly target: PromotionTarget;
  readonly quantity: number;
  readonly price: number;
  readonly maxApplications?: number;
};

/** These products together, in these quantities, for `price`. */
export type BundlePrice = {
  readonly type: 'bundle';
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
  readonly price: number;
  readonly maxApplications?: number;
};

/** From `minQuantity` matching items, `bp` off each of them: the highest tier reached applies. */
export type QuantityTiers = {
  readonly type: 'quantity-tiers';
  readonly target: PromotionTarget;
  readonly tiers: readonly { readonly minQuantity: number; readonly bp: number }[];
};

export type PromotionBenefit = PercentOff | AmountOff | CartPercentOff | CartAmountOff | BuyGet | MixAndMatch | BundlePrice | QuantityTiers;

export type BenefitType = PromotionBenefit['type'];

/** Who may have it: everyone, members of the loyalty program, or members of some tiers. */
export type PromotionAudience =
  { readonly kind: 'everyone' } | { readonly kind: 'members' } | { readonly kind: 'tiers'; readonly tiers: readonly string[] };

export type PromotionSchedule = {
  /** ISO instants: from inclusive, to exclusive; either may be absent (open-ended). */
  readonly from?: string;
  readonly to?: string;
  /** ISO days of the week in the store's zone, 1 = Monday … 7 = Sunday; absent: every day. */
  readonly days?: readonly number[];
  /** Wall-clock hours in the store's zone ('HH:MM'), from inclusive, to exclusive; to < from runs past midnight. */
  readonly hours?: { readonly from: string; readonly to: string };
};

export type Promotion = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** Minor units of this currency: a basket in another currency never gets it. */
  readonly currency: string;
  /** Higher first when two choices give the customer the same amount. */
  readonly priority: number;
  /** A stackable rule may share items with other stackable rules; any other rule has its items to itself. */
  readonly stackable: boolean;
  readonly schedule?: PromotionSchedule;
  /** Store ids; absent: every store. */
  readonly stores?: readonly string[];
  /** Absent: every channel. */
  readonly channels?: readonly PromotionChannel[];
  readonly audience: PromotionAudience;
  /** A code the customer must present (compared in capitals); absent: automatic. */
  readonly couponCode?: string;
  /** How the code may be used (coupon.ts); absent with a `couponCode`: a shared code without limits. Needs a `couponCode`. */
  readonly coupon?: CouponPolicy;
  readonly benefit: PromotionBenefit;
};

/** Whether a benefit applies to the basket as a whole rather than to matching items. */
export function isCartBenefit(benefit: PromotionBenefit): benefit is CartPercentOff | CartAmountOff {
  return benefit.type === 'cart-percent-off' || benefit.type === 'cart-amount-off';
}

/** Coupon codes are compared in capitals without surrounding spaces, as a cashier may type them. */
export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}
