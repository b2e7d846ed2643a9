import type { Cart, CartCoupon, CartPromotion } from '../cart/cart';
import type { SaleDiscount } from '../sale/sale';
import { COUPON_LIMITS } from './coupon';
import { CouponRefusal } from './coupon-usage';
import type { CompiledPromotions } from './compile-promotions';
import { normalizeCouponCode } from './promotion';

/** The code each promotion of a set asks for (normalised), by promotion id, newest version first. */
function codeOfPromotion(set: CompiledPromotions, promotionId: string): string | undefined {
  for (const c of [...set.promotions, ...set.superseded]) {
    if (c.promotion.id === promotionId && c.promotion.couponCode !== undefined) return normalizeCouponCode(c.promotion.couponCode);
  }
  return undefined;
}

/**
 * The codes the engine is shown for a cart's coupons: each coupon's promotion's own `couponCode`.
 * A single-use code (K7QM2XD4HTRP) is not the promotion's code; the host (or the till's offline
 * block) said which promotion it belongs to, so the engine sees the promotion's code in its place.
 */
export function couponPricingCodes(coupons: readonly Pick<CartCoupon, 'promotionId'>[], set: CompiledPromotions): string[] {
  const codes = new Set<string>();
  for (const coupon of coupons) {
    const code = codeOfPromotion(set, coupon.promotionId);
    if (code !== undefined) codes.add(code);
  }
  return [...codes].sort();
}

/** The cart's discounts with each coupon discount naming the code presented for its promotion (sealed with it). */
export function withCouponCodes(promotions: readonly CartPromotion[], coupons: readonly CartCoupon[]): CartPromotion[] {
  const byPromotion = new Map(coupons.map((c) => [c.promotionId, c.code]));
  return promotions.map((p) => {
    const { couponCode: _before, ...rest } = p;
    const code = p.source === 'coupon' ? byPromotion.get(p.sourceId) : undefined;
    return code !== undefined ? { ...rest, couponCode: code } : rest;
  });
}

/**
 * The cart with one more coupon: refused (coupon_cart_full) beyond COUPON_LIMITS.maxPerCart or for a
 * code or promotion the cart already holds (one code per promotion: two would give nothing more).
 */
export function addCartCoupon(cart: Cart, coupon: CartCoupon): Cart {
  const coupons = cart.coupons ?? [];
  if (coupons.length >= COUPON_LIMITS.maxPerCart) throw new CouponRefusal('coupon_cart_full', { max: COUPON_LIMITS.maxPerCart });
  if (coupons.some((c) => c.code === coupon.code || c.promotionId === coupon.promotionId)) {
    throw new CouponRefusal('coupon_cart_full', { max: COUPON_LIMITS.maxPerCart });
  }
  return { ...cart, coupons: [...coupons, coupon] };
}

/** The cart without the coupon of this code. */
export function removeCartCoupon(cart: Cart, code: string): Cart {
  const { coupons: before, ...rest } = cart;
  const coupons = (before ?? []).filter((c) => c.code !== code);
  return coupons.length > 0 ? { ...rest, coupons } : rest;
}

/** A coupon a sale used: the promotion, the code, and what its discounts took off in all. */
export type SaleCoupon = { readonly promotionId: string; readonly version: number; readonly code?: string; readonly amount: number };

/**
 * The coupons a sale's discounts used, one per promotion, in the order first met: what the host
 * must hold a reservation (or an offline block code) for, and what the hub records as redeemed.
 */
export function saleCoupons(discounts: readonly SaleDiscount[]): SaleCoupon[] {
  const found = new Map<string, { promotionId: string; version: number; code?: string; amount: number }>();
  for (const d of discounts) {
    if (d.source !== 'coupon') continue;
    const seen = found.get(d.sourceId);
    if (seen) {
      seen.amount += d.amount;
      if (seen.code === undefined && d.couponCode !== undefined) seen.code = d.couponCode;
    } else {
      found.set(d.sourceId, {
        promotionId: d.sourceId,
        version: d.sourceVersion,
        ...(d.couponCode !== undefined ? { code: d.couponCode } : {}),
        amount: d.amount,
      });
    }
  }
  return [...found.values()];
}
