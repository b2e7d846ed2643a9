import type { Cart, CartLine, CartPromotion } from '../cart/cart';
import { basketLine, type Basket, type PricingContext } from './basket';
import type { CompiledPromotions } from './compile-promotions';
import { couponPricingCodes, withCouponCodes } from './coupon-cart';
import { priceBasket, type PricedBasket } from './price-basket';

/**
 * How promotions and manual discounts combine (docs/promotions.md): they never stack on a line. A
 * line with a manual discount or a changed price is the cashier's (approved) decision and leaves the
 * promotions; the other lines are priced by the engine. A manual ticket discount comes last, on what
 * the lines are worth after their promotions.
 */
export function promotable(line: Pick<CartLine, 'discount' | 'priceOverride' | 'quantity'>): boolean {
  return !line.discount && !line.priceOverride && line.quantity > 0;
}

/** The basket the engine prices for a cart: its promotable lines, with the category each was sold under. */
export function cartBasket(cart: Pick<Cart, 'currency' | 'lines'>): Basket {
  return {
    currency: cart.currency,
    lines: cart.lines.filter(promotable).map((line) => basketLine(line, { category: line.category ?? '' })),
  };
}

/** The discounts of a priced basket, one per line and promotion (a cart rule's share on each line), in line order. */
export function cartPromotionsOf(priced: PricedBasket): CartPromotion[] {
  const promotions: CartPromotion[] = [];
  for (const line of priced.lines) {
    for (const d of [...line.itemDiscounts, ...line.cartShares]) {
      promotions.push({
        lineId: line.lineId,
        source: d.source,
        sourceId: d.promotionId,
        sourceVersion: d.version,
        kind: d.kind,
        value: d.value,
        amount: d.amount,
      });
    }
  }
  return promotions;
}

/**
 * The cart with the promotions the engine gives it now (those of before replaced): after every change
 * of lines, at the till; the same function the host and the hub price a sealed sale with.
 */
export function applyPromotions(cart: Cart, promotions: CompiledPromotions, context: PricingContext): Cart {
  const { promotions: _before, ...rest } = cart;
  // The cart's coupons are presented as their promotions' codes, and each coupon discount names its code.
  const coupons = cart.coupons ?? [];
  const presented =
    coupons.length > 0
      ? { ...context, couponCodes: [...(context.couponCodes ?? []), ...couponPricingCodes(coupons, promotions)] }
      : context;
  const priced = cartPromotionsOf(priceBasket(cartBasket(cart), promotions, presented));
  const found = coupons.length > 0 ? withCouponCodes(priced, coupons) : priced;
  return found.length > 0 ? { ...rest, promotions: found } : rest;
}
