/**
 * A loyalty program as head office defines it (issue 14). Points are whole numbers; amounts are
 * minor units of the program's currency. A program is versioned: an earn entry names the version
 * it was computed with, so changing the rules never rewrites points already earned.
 */

/**
 * How a sale earns. `spend`: floor(base × points ÷ per), the base being what the customer actually
 * paid (with or without VAT as `tax` says, never what gift cards, store credit or points paid);
 * 1 point per euro is { points: 1, per: 100 }, 1 point per 10 € is { points: 1, per: 1000 }.
 * `visit`: `points` for each sale whose base reaches `minimum`.
 */
export type LoyaltyEarnRule =
  | {
      readonly kind: 'spend';
      readonly points: number;
      readonly per: number;
      readonly tax: 'inclusive' | 'exclusive';
      /** A sale whose base is below this earns nothing (absent: any base earns). */
      readonly minimum?: number;
    }
  | { readonly kind: 'visit'; readonly points: number; readonly minimum: number; readonly tax: 'inclusive' | 'exclusive' };

/** What a tier gives its members. */
export type LoyaltyTierBenefits = {
  /** Earn multiplier in basis points (15,000: ×1.5); absent: ×1. */
  readonly earnMultiplierBp?: number;
  /** A member discount in basis points the till offers (the promotions engine applies it). */
  readonly discountBp?: number;
  /** Other benefits, as words for the receipt and the back office ("Free alterations"). */
  readonly perks?: readonly string[];
};

/** A tier is reached once the member's qualifying points reach `threshold` (the first tier usually at 0). */
export type LoyaltyTier = {
  readonly id: string;
  readonly name: string;
  readonly threshold: number;
  readonly benefits: LoyaltyTierBenefits;
};

type RewardCommon = { readonly id: string; readonly name: string; /** Points it costs. */ readonly cost: number };

export type LoyaltyReward =
  | (RewardCommon & { readonly kind: 'amount-off'; readonly amount: number })
  | (RewardCommon & { readonly kind: 'percent-off'; readonly bp: number; readonly maxAmount?: number })
  | (RewardCommon & { readonly kind: 'free-product'; readonly productId: string })
  | (RewardCommon & { readonly kind: 'voucher'; readonly amount: number; readonly validityDays: number });

export type LoyaltyProgram = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly currency: string;
  readonly earn: LoyaltyEarnRule;
  /** How a fraction of a point goes: always down (the customer sees whole points, never more than the rule gives). */
  readonly rounding: 'floor';
  /** Points expire this many calendar months after they were earned; absent: they never expire. */
  readonly expiryMonths?: number;
  /** Which earned points count toward a tier: those of the last 12 months, or all of them. */
  readonly tierBasis: 'rolling-12-months' | 'lifetime';
  /** In rising thresholds; may be empty. */
  readonly tiers: readonly LoyaltyTier[];
  readonly rewards: readonly LoyaltyReward[];
};

export const LOYALTY_LIMITS = {
  maxIdLength: 64,
  maxNameLength: 100,
  maxTiers: 10,
  maxRewards: 100,
  maxPerks: 10,
  /** Points of one entry, one rule or one threshold. */
  maxPoints: 100_000_000,
  /** Minor units a rule or a reward names. */
  maxAmount: 1_000_000_000,
  /** Earn multiplier: at most ×10. */
  maxMultiplierBp: 100_000,
  maxExpiryMonths: 120,
  maxVoucherDays: 3660,
} as const;
