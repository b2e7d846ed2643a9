import { CouponRefusal, type CouponRefusalCode } from '@pos/core';
import { HubError } from '../errors/hub-error';

/**
 * The coupons' refusals: core's CouponRefusal codes (worded in French and English in
 * docs/promotions.md) and the hub's own: a reservation id already used for another code, a
 * reservation spent or released by another till than the one that made it, a promotion whose codes
 * are not single-use asked for codes.
 */
export type CouponErrorCode = CouponRefusalCode | 'coupon_reservation_conflict' | 'coupon_of_another_till' | 'coupon_not_single_use';

const STATUS: Record<CouponRefusalCode, number> = {
  coupon_unknown: 404,
  coupon_used: 409,
  coupon_single_use_only: 422,
  coupon_limit_reached: 409,
  coupon_budget_exhausted: 409,
  coupon_once_per_customer: 409,
  coupon_needs_customer: 422,
  coupon_not_open: 409,
  coupon_offline: 422,
  coupon_cart_full: 422,
};

export function couponRefusalError(refusal: CouponRefusal): HubError {
  return new HubError(STATUS[refusal.code], refusal.code, refusal.message, { values: refusal.values });
}

export function reservationConflict(reservationId: string): HubError {
  return new HubError(409, 'coupon_reservation_conflict', `Reservation ${reservationId} was already made for another code or amount`, {
    reservationId,
  });
}

export function anotherTill(reservationId: string): HubError {
  return new HubError(403, 'coupon_of_another_till', `Reservation ${reservationId} was made by another till`, { reservationId });
}

/** Runs `work`, turning core's coupon refusals into the hub's coded errors. */
export async function answeringCouponRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof CouponRefusal ? couponRefusalError(error) : error;
  }
}
