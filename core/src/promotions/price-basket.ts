import { assertBasket, type Basket, type PricingContext } from './basket';
import { basketCandidates, type Candidate } from './candidates';
import { applyInOrder as applyChosen, type Application } from './apply-promotions';
import { choosePromotions } from './choose-promotions';
import type { CompiledPromotions } from './compile-promotions';
import { poolLines } from './item-pool';
import { isCartBenefit, normalizeCouponCode } from './promotion';
import { contextRejection, type PromotionRejection } from './promotion-eligibility';

/** One promotion's discount on one line (or, in `applied`, on the basket), with the rule that gave it. */
export type PromotionDiscount = {
  readonly promotionId: string;
  readonly version: number;
  readonly source: 'promotion' | 'coupon';
  /** As a sale records it: basis points asked for `percent`, minor units for `amount`. */
  readonly kind: 'percent' | 'amount';
  readonly value: number;
  /** Minor units taken off. */
  readonly amount: number;
};

export type PricedLine = {
  readonly lineId: string;
  readonly gross: number;
  /** Discounts of rules on matching items (percent, amount, tiers, buy-get, mix and match, bundle). */
  readonly itemDiscounts: readonly PromotionDiscount[];
  /** This line's shares of cart rules. */
  readonly cartShares: readonly PromotionDiscount[];
  readonly discount: number;
  /** gross − discount, never below zero. */
  readonly net: number;
};

export type AppliedPromotion = PromotionDiscount & { readonly scope: 'item' | 'cart' };

export type RejectedPromotion = { readonly promotionId: string; readonly version: number; readonly reason: PromotionRejection };

export type PricedBasket = {
  readonly currency: string;
  /** In the basket's order. */
  readonly lines: readonly PricedLine[];
  /** Σ gross. */
  readonly subtotal: number;
  readonly discountTotal: number;
  /** Σ line nets = subtotal − discountTotal. */
  readonly total: number;
  /** In tie-break order (priority, then id). */
  readonly applied: readonly AppliedPromotion[];
  /** The promotions that concern the basket (name one of its products, categories or brands, or the cart) and gave nothing. */
  readonly rejected: readonly RejectedPromotion[];
  /** Codes presented that no promotion of the set asks for (normalised, sorted). */
  readonly unknownCoupons: readonly string[];
};

function figure(application: Application): Pick<PromotionDiscount, 'kind' | 'value'> {
  const { benefit } = application.candidate.compiled.promotion;
  switch (benefit.type) {
    case 'percent-off':
    case 'buy-get':
    case 'cart-percent-off':
      return { kind: 'percent', value: benefit.bp };
    case 'quantity-tiers':
      return { kind: 'percent', value: application.bp ?? 0 };
    case 'amount-off':
    case 'cart-amount-off':
      return { kind: 'amount', value: benefit.amount };
    default:
      return { kind: 'amount', value: application.amount };
  }
}

function discountOf(application: Application, amount: number): PromotionDiscount {
  const { promotion, source } = application.candidate.compiled;
  return { promotionId: promotion.id, version: promotion.version, source, ...figure(application), amount };
}

/**
 * Prices a basket with a compiled promotion set: every line's discounts (each naming the promotion's
 * id and version), cart rules spread over the lines so every line knows its net, the total, and
 * which promotions applied and which did not and why.
 *
 * Which promotions win (docs/promotions.md): the customer gets the largest total discount the
 * promotions can give together, an item belonging to one non-stackable promotion at a time (stackable
 * ones share items with each other only). Ties go to the higher priority, then the smaller id. The
 * result depends neither on the order of the lines nor on the order of the promotions; amounts are
 * whole minor units; no line goes below zero.
 */
export function priceBasket(basket: Basket, promotions: CompiledPromotions, context: PricingContext): PricedBasket {
  assertBasket(basket, context);
  const pool = poolLines(basket.lines);
  const presented = new Set((context.couponCodes ?? []).map(normalizeCouponCode));
  const rejected = new Map<Candidate, PromotionRejection>();
  const eligible: Candidate[] = [];
  for (const candidate of basketCandidates(promotions, pool)) {
    const reason = contextRejection(candidate.compiled.promotion, context, basket.currency, presented);
    if (reason) rejected.set(candidate, reason);
    else eligible.push(candidate);
  }
  const { order, inert } = choosePromotions(eligible, pool);
  for (const candidate of inert) rejected.set(candidate, 'not_applicable');
  const { applications } = applyChosen(order, pool);
  const appliedSet = new Set(applications.map((a) => a.candidate));
  for (const candidate of eligible) if (!appliedSet.has(candidate) && !rejected.has(candidate)) rejected.set(candidate, 'outdone');

  const byRank = [...applications].sort((a, b) => a.candidate.compiled.rank - b.candidate.compiled.rank);
  const itemDiscounts = new Map<string, PromotionDiscount[]>();
  const cartShares = new Map<string, PromotionDiscount[]>();
  for (const application of byRank) {
    const cart = isCartBenefit(application.candidate.compiled.promotion.benefit);
    for (const take of application.takes) {
      if (take.discount <= 0) continue;
      const lineId = pool[take.line]?.line.lineId ?? '';
      const target = cart ? cartShares : itemDiscounts;
      target.set(lineId, [...(target.get(lineId) ?? []), discountOf(application, take.discount)]);
    }
  }
  const lines = basket.lines.map((line): PricedLine => {
    const items = itemDiscounts.get(line.lineId) ?? [];
    const shares = cartShares.get(line.lineId) ?? [];
    const discount = [...items, ...shares].reduce((acc, d) => acc + d.amount, 0);
    return { lineId: line.lineId, gross: line.gross, itemDiscounts: items, cartShares: shares, discount, net: line.gross - discount };
  });
  const subtotal = lines.reduce((acc, l) => acc + l.gross, 0);
  const discountTotal = lines.reduce((acc, l) => acc + l.discount, 0);
  return {
    currency: basket.currency,
    lines,
    subtotal,
    discountTotal,
    total: subtotal - discountTotal,
    applied: byRank.map((a) => ({
      ...discountOf(a, a.amount),
      scope: isCartBenefit(a.candidate.compiled.promotion.benefit) ? 'cart' : 'item',
    })),
    rejected: [...rejected]
      .sort((a, b) => a[0].compiled.rank - b[0].compiled.rank)
      .map(([c, reason]) => ({ promotionId: c.compiled.promotion.id, version: c.compiled.promotion.version, reason })),
    unknownCoupons: [...presented].filter((code) => !promotions.couponCodes.has(code)).sort(),
  };
}
