import { wallClockAt } from '../store/store-clock';
import type { PricingContext } from './basket';
import { normalizeCouponCode, type Promotion, type PromotionSchedule } from './promotion';

/**
 * Why a promotion gave nothing to a basket: the first four are about the moment, the next four about
 * where and who, then the coupon; `not_applicable` and `outdone` are about the basket itself.
 */
export const PROMOTION_REJECTIONS = [
  /** Priced in another currency than the basket. */
  'wrong_currency',
  /** Before its start or from its end. */
  'outside_window',
  /** Not on this day of the week (in the store's zone). */
  'wrong_day',
  /** Not at this time of day (in the store's zone). */
  'outside_hours',
  'wrong_store',
  'wrong_channel',
  /** For members of the loyalty program, and the customer is not one (or none is attached). */
  'members_only',
  /** For some tiers, and the customer is in none of them. */
  'wrong_tier',
  /** It needs a code that was not presented. */
  'coupon_missing',
  /** The basket does not have what it asks for (items, quantities, a minimum subtotal). */
  'not_applicable',
  /** Other promotions gave the customer more for the same items. */
  'outdone',
] as const;

export type PromotionRejection = (typeof PROMOTION_REJECTIONS)[number];

function minutesOf(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function scheduleRejection(schedule: PromotionSchedule, at: number, timeZone: string): PromotionRejection | null {
  if (schedule.from !== undefined && at < Date.parse(schedule.from)) return 'outside_window';
  if (schedule.to !== undefined && at >= Date.parse(schedule.to)) return 'outside_window';
  if (!schedule.days && !schedule.hours) return null;
  const wall = wallClockAt(at, timeZone);
  // ISO weekday of the store's wall-clock date: 1 = Monday … 7 = Sunday.
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() || 7;
  if (schedule.days && !schedule.days.includes(weekday)) return 'wrong_day';
  if (schedule.hours) {
    const now = wall.hour * 60 + wall.minute;
    const from = minutesOf(schedule.hours.from);
    const to = minutesOf(schedule.hours.to);
    const inside = from < to ? now >= from && now < to : now >= from || now < to;
    if (!inside) return 'outside_hours';
  }
  return null;
}

/**
 * Whether a (valid) promotion may apply in this context, whatever the basket holds: null when it
 * may, otherwise the first reason it may not, in the order of PROMOTION_REJECTIONS.
 */
export function contextRejection(
  promotion: Promotion,
  context: PricingContext,
  currency: string,
  presentedCodes: ReadonlySet<string>,
): PromotionRejection | null {
  if (promotion.currency !== currency) return 'wrong_currency';
  if (promotion.schedule) {
    const rejection = scheduleRejection(promotion.schedule, Date.parse(context.at), context.timeZone);
    if (rejection) return rejection;
  }
  if (promotion.stores && !promotion.stores.includes(context.storeId)) return 'wrong_store';
  if (promotion.channels && !promotion.channels.includes(context.channel)) return 'wrong_channel';
  const { audience } = promotion;
  if (audience.kind !== 'everyone' && !context.customer?.member) return 'members_only';
  if (audience.kind === 'tiers' && !audience.tiers.includes(context.customer?.tier ?? '')) return 'wrong_tier';
  if (promotion.couponCode !== undefined && !presentedCodes.has(normalizeCouponCode(promotion.couponCode))) return 'coupon_missing';
  return null;
}
