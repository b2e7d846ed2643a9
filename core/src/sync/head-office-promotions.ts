/**
 * Promotions at head office (issue 14): the back office writes one rule at a time; the hub keeps each
 * as one document of the catalog's `promotions` collection (its id the rule's), which tills pull and
 * stream, and prices web baskets with the same rules (POST /api/v1/baskets/price).
 */
import type { PromotionChannel, Promotion } from '../promotions/promotion';
import type { PromotionProblemCode } from '../promotions/validate-promotion';
import type { PricedBasket, PricedLine } from '../promotions/price-basket';

/**
 * PUT /api/v1/admin/promotions/:promotionId: the rule without its id and version (the hub gives the
 * next version). `expectedVersion`: the version the editor started from; another one stored is a 409.
 */
export type PromotionBody = Omit<Promotion, 'id' | 'version'> & { readonly expectedVersion?: number };

/** Answer of a promotion's read and writes: the rule as tills get it, and its catalog sequence. */
export type PromotionRead = { readonly promotion: Promotion; readonly deleted: boolean; readonly seq: number };

/** One row of GET /api/v1/admin/promotions (live rules, in id order). */
export type PromotionSummary = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly benefitType: Promotion['benefit']['type'];
  readonly couponCode?: string;
  readonly from?: string;
  readonly to?: string;
};

/** A page of the list: pass `next` as `after` for the following one; null on the last. */
export type PromotionPage = { readonly promotions: readonly PromotionSummary[]; readonly next: string | null };

export const PROMOTION_WRITE_LIMITS = {
  /** Live rules in the chain: what a till and the hub compile at once (core's MAX_PROMOTIONS). */
  maxPromotions: 20_000,
  defaultPage: 50,
  maxPage: 200,
} as const;

/** A refused promotion's problems (422 invalid_promotion): core's codes, plus the id and the chain's bound. */
export type PromotionWriteProblemCode = PromotionProblemCode | 'invalid_promotion_id' | 'too_many_promotions';

/** 409 version_conflict: someone saved the rule since the editor read it; `currentVersion` is theirs. */
export type PromotionVersionConflict = { readonly error: 'version_conflict'; readonly message: string; readonly currentVersion: number };

export const BASKET_PRICE_LIMITS = {
  maxLines: 200,
  maxCoupons: 20,
  maxCouponLength: 64,
} as const;

/** A line of a web basket: the hub reads the product's price, category and brand from its catalog. */
export type BasketPriceLine = {
  /** Unique in the basket; absent: `line-1`, `line-2`… by position. */
  readonly lineId?: string;
  readonly productId: string;
  /** Pieces, or grams for a product sold by weight. */
  readonly quantity: number;
};

/** POST /api/v1/baskets/price. */
export type BasketPriceRequest = {
  readonly storeId: string;
  /** Absent: 'web'. */
  readonly channel?: PromotionChannel;
  readonly lines: readonly BasketPriceLine[];
  readonly couponCodes?: readonly string[];
  readonly customer?: { readonly member: boolean; readonly tier?: string };
};

/** Stable codes of a refused basket (400 invalid_basket, `problems`). */
export type BasketProblemCode = 'duplicate_line' | 'unknown_product' | 'product_disabled' | 'quantity_range' | 'wrong_currency';

/** The basket as core's priceBasket priced it, each line saying what it was. */
export type BasketPriceAnswer = Omit<PricedBasket, 'lines'> & {
  /** When it was priced: a promotion's window is read at this instant, in the store's zone. */
  readonly at: string;
  readonly lines: readonly (PricedLine & { readonly productId: string; readonly unitPrice: number; readonly quantity: number })[];
};
