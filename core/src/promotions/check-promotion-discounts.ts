import type { Basket, PricingContext } from './basket';
import type { CompiledPromotions } from './compile-promotions';
import { priceBasket, type PricedBasket } from './price-basket';

/**
 * A promotion or coupon discount as a sale records it (SaleDiscount of source 'promotion' or
 * 'coupon'): with a line id for a rule on items, without one for a cart rule (its shares summed).
 */
export type ClaimedPromotionDiscount = {
  readonly lineId?: string;
  readonly source: 'promotion' | 'coupon';
  readonly sourceId: string;
  readonly sourceVersion: number;
  readonly amount: number;
};

export const PROMOTION_CHECK_CODES = [
  /** A discount claimed from a promotion the set does not hold (or holds in another version). */
  'unknown-promotion',
  /** A discount on a line the basket does not have, or the same promotion claimed twice on one line. */
  'line',
  /** The right promotion, another amount (or said to be a coupon when it is not, or the reverse). */
  'amount',
  /** The engine gives no such discount: the promotion does not apply to that line or basket. */
  'not-due',
  /** The engine gives a discount the claim leaves out: the till and the hub would not agree. */
  'missing',
] as const;

export type PromotionCheckCode = (typeof PROMOTION_CHECK_CODES)[number];

export type PromotionCheckProblem = { readonly code: PromotionCheckCode; readonly message: string };

/** The discounts a priced basket gives, in the form a sale records them (see ClaimedPromotionDiscount). */
export function promotionSaleDiscounts(priced: PricedBasket): ClaimedPromotionDiscount[] {
  const claims: ClaimedPromotionDiscount[] = [];
  for (const line of priced.lines) {
    for (const d of line.itemDiscounts) {
      claims.push({ lineId: line.lineId, source: d.source, sourceId: d.promotionId, sourceVersion: d.version, amount: d.amount });
    }
  }
  for (const a of priced.applied) {
    if (a.scope === 'cart') claims.push({ source: a.source, sourceId: a.promotionId, sourceVersion: a.version, amount: a.amount });
  }
  return claims;
}

const keyOf = (c: ClaimedPromotionDiscount) => `${c.sourceId}\u0000${c.sourceVersion}\u0000${c.lineId ?? ''}`;

/** The first 50 problems say enough; a forged sale with thousands of discounts does not need more. */
const MAX_PROBLEMS = 50;

/**
 * Compares the promotion discounts a till (or a web checkout) claims with what the engine computes
 * for the same basket and context: the till host before sealing, the hub on what it receives. Empty
 * when they agree exactly, discount by discount.
 */
export function checkPromotionDiscounts(
  basket: Basket,
  promotions: CompiledPromotions,
  context: PricingContext,
  claimed: readonly ClaimedPromotionDiscount[],
): PromotionCheckProblem[] {
  const expected = new Map(promotionSaleDiscounts(priceBasket(basket, promotions, context)).map((d) => [keyOf(d), d]));
  const known = new Set(promotions.promotions.map((p) => `${p.promotion.id}\u0000${p.promotion.version}`));
  const lineIds = new Set(basket.lines.map((l) => l.lineId));
  const seen = new Set<string>();
  const problems: PromotionCheckProblem[] = [];
  for (const claim of claimed) {
    const key = keyOf(claim);
    const what = `${claim.sourceId} v${claim.sourceVersion}${claim.lineId !== undefined ? ` on line ${claim.lineId}` : ''}`;
    const want = expected.get(key);
    if (!known.has(`${claim.sourceId}\u0000${claim.sourceVersion}`)) {
      problems.push({ code: 'unknown-promotion', message: `${what}: no such promotion version in the set` });
    } else if ((claim.lineId !== undefined && !lineIds.has(claim.lineId)) || seen.has(key)) {
      problems.push({ code: 'line', message: `${what}: not a line of the basket, or claimed twice` });
    } else if (!want) {
      problems.push({ code: 'not-due', message: `${what}: the promotion gives nothing there` });
    } else if (want.amount !== claim.amount || want.source !== claim.source) {
      problems.push({ code: 'amount', message: `${what}: ${claim.source} ${claim.amount} claimed, ${want.source} ${want.amount} due` });
    }
    seen.add(key);
  }
  for (const [key, want] of expected) {
    if (!seen.has(key)) {
      const on = want.lineId !== undefined ? ` on line ${want.lineId}` : '';
      problems.push({ code: 'missing', message: `${want.sourceId} v${want.sourceVersion}${on}: ${want.amount} due, not claimed` });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
