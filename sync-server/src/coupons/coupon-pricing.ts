import { normalizeCouponCode, presentedCouponCode, type CompiledPromotions } from '@pos/core';
import type { Queryable } from '../db/database';
import { livePromotion } from './coupon-find';

/**
 * The codes a web basket presents, as the engine must see them (pricing only, nothing is held): a
 * single-use code not yet used stands for its promotion's code; the family code of single-use codes
 * alone gives nothing (it is left out, as the till's host refuses it); any other code is the engine's
 * to match or report unknown.
 */
export async function pricingCouponCodes(db: Queryable, set: CompiledPromotions, presented: readonly string[]): Promise<string[]> {
  const codes = presented.map((c) => presentedCouponCode(c) ?? normalizeCouponCode(c));
  const rows = await db.query<{ code: string; promotion_id: string }>(
    `SELECT c.code, c.promotion_id FROM coupon_codes c
      WHERE c.code = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM coupon_uses u WHERE u.promotion_id = c.promotion_id AND u.code = c.code AND u.state = 'consumed')`,
    [codes],
  );
  const singleUse = new Map(rows.map((r) => [r.code, r.promotion_id]));
  const families = new Set(
    set.promotions
      .filter((c) => c.promotion.coupon?.kind === 'single-use' && c.promotion.couponCode !== undefined)
      .map((c) => normalizeCouponCode(c.promotion.couponCode!)),
  );
  const out: string[] = [];
  for (const code of codes) {
    const promotionId = singleUse.get(code);
    if (promotionId !== undefined) {
      const promotion = livePromotion(set, promotionId);
      if (promotion?.couponCode !== undefined && promotion.coupon?.kind === 'single-use')
        out.push(normalizeCouponCode(promotion.couponCode));
    } else if (!families.has(code)) {
      out.push(code);
    }
  }
  return out;
}
