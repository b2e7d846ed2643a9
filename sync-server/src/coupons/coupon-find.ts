import {
  CouponRefusal,
  normalizeCouponCode,
  presentedCouponCode,
  UNLIMITED_SHARED,
  type CompiledPromotions,
  type CouponPolicy,
  type Promotion,
} from '@pos/core';
import type { Queryable } from '../db/database';

/** A presented code, found: its promotion (the live version), how it may be used, and the code as compared. */
export type FoundCoupon = {
  readonly promotion: Promotion;
  readonly policy: CouponPolicy;
  readonly code: string;
  /** A single-use code given to a till's offline block: that till's. */
  readonly block?: { readonly storeId: string; readonly tillId: string };
};

const byCode = new WeakMap<CompiledPromotions, ReadonlyMap<string, Promotion>>();

/** The live promotions by their own code, indexed once per compiled set. */
function promotionsByCode(set: CompiledPromotions): ReadonlyMap<string, Promotion> {
  let found = byCode.get(set);
  if (!found) {
    const map = new Map<string, Promotion>();
    for (const { promotion } of set.promotions) {
      if (promotion.couponCode !== undefined) map.set(normalizeCouponCode(promotion.couponCode), promotion);
    }
    byCode.set(set, map);
    found = map;
  }
  return found;
}

/** The live promotion of this id, or undefined (deleted, or never saved). */
export function livePromotion(set: CompiledPromotions, promotionId: string): Promotion | undefined {
  return set.promotions.find((c) => c.promotion.id === promotionId)?.promotion;
}

/**
 * What a presented code is: one of the single-use codes head office generated (its promotion must
 * still be live and single-use), or a live promotion's shared code. The family code of single-use
 * codes is never accepted alone (coupon_single_use_only); anything else is coupon_unknown, the same
 * answer whether or not a code is near it.
 */
export async function findCoupon(db: Queryable, set: CompiledPromotions, input: unknown): Promise<FoundCoupon> {
  const code = presentedCouponCode(input);
  if (code === null) throw new CouponRefusal('coupon_unknown');
  const [row] = await db.query<{ promotion_id: string; block_store_id: string | null; block_till_id: string | null }>(
    'SELECT promotion_id, block_store_id, block_till_id FROM coupon_codes WHERE code = $1',
    [code],
  );
  if (row) {
    const promotion = livePromotion(set, row.promotion_id);
    if (!promotion || promotion.coupon?.kind !== 'single-use') throw new CouponRefusal('coupon_unknown');
    const block =
      row.block_store_id !== null && row.block_till_id !== null ? { storeId: row.block_store_id, tillId: row.block_till_id } : undefined;
    return { promotion, policy: promotion.coupon, code, ...(block ? { block } : {}) };
  }
  const promotion = promotionsByCode(set).get(code);
  if (!promotion) throw new CouponRefusal('coupon_unknown');
  const policy = promotion.coupon ?? UNLIMITED_SHARED;
  if (policy.kind === 'single-use') throw new CouponRefusal('coupon_single_use_only');
  return { promotion, policy, code };
}
