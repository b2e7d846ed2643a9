import { check } from '../validation/shape';
import type { Promotion, PromotionTarget } from './promotion';
import { PROMOTION_SHAPE } from './promotion-shape';

/**
 * Why a promotion is refused (by the back office when it is saved, by a till or the hub when it
 * arrives): a stable code the screens translate, and English words for logs and support.
 */
export const PROMOTION_PROBLEM_CODES = [
  /** A field missing, of the wrong type, out of its bounds (ids ≤ 64 characters, ≤ 1,000 products…), or unknown. */
  'shape',
  /** The window ends before (or when) it starts. */
  'window',
  /** The hours start and end at the same minute. */
  'hours',
  /** A target that names no product, category or brand. */
  'target',
  /** The same product, category, brand, store, tier, day or channel named twice in one list. */
  'duplicate',
  /** Quantity tiers not in strictly increasing quantities. */
  'tiers',
  /** A bundle of fewer than two items. */
  'bundle',
  /** A coupon policy without the `couponCode` it governs. */
  'coupon',
] as const;

export type PromotionProblemCode = (typeof PROMOTION_PROBLEM_CODES)[number];

export type PromotionProblem = { readonly code: PromotionProblemCode; readonly message: string };

/** Enough to say what is wrong; a list of a thousand bad ids does not need a thousand sentences. */
const MAX_PROBLEMS = 20;

function duplicated(list: readonly (string | number)[] | undefined): string | number | undefined {
  if (!list) return undefined;
  const seen = new Set<string | number>();
  for (const item of list) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

function targetProblems(target: PromotionTarget, path: string): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  const lists = [target.productIds, target.categories, target.brands];
  if (lists.every((l) => !l || l.length === 0)) {
    problems.push({ code: 'target', message: `${path} names no product, category or brand` });
  }
  for (const [name, list] of Object.entries({ productIds: target.productIds, categories: target.categories, brands: target.brands })) {
    const twice = duplicated(list);
    if (twice !== undefined) problems.push({ code: 'duplicate', message: `${path}.${name} names ${twice} twice` });
  }
  return problems;
}

function benefitProblems(benefit: Promotion['benefit']): PromotionProblem[] {
  switch (benefit.type) {
    case 'cart-percent-off':
    case 'cart-amount-off':
      return [];
    case 'bundle': {
      const problems: PromotionProblem[] = [];
      const twice = duplicated(benefit.items.map((i) => i.productId));
      if (twice !== undefined) problems.push({ code: 'duplicate', message: `benefit.items names ${twice} twice` });
      if (benefit.items.reduce((acc, i) => acc + i.quantity, 0) < 2) {
        problems.push({ code: 'bundle', message: 'benefit.items must add up to at least two items' });
      }
      return problems;
    }
    case 'quantity-tiers': {
      const problems = targetProblems(benefit.target, 'benefit.target');
      if (benefit.tiers.some((t, i) => i > 0 && t.minQuantity <= (benefit.tiers[i - 1]?.minQuantity ?? 0))) {
        problems.push({ code: 'tiers', message: 'benefit.tiers must go up in minQuantity, each quantity once' });
      }
      return problems;
    }
    case 'buy-get':
      return [
        ...targetProblems(benefit.target, 'benefit.target'),
        ...(benefit.getTarget ? targetProblems(benefit.getTarget, 'benefit.getTarget') : []),
      ];
    default:
      return targetProblems(benefit.target, 'benefit.target');
  }
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An instant whose date is on the calendar and whose clock reads a real time (Date.parse is lenient: 31 February passes). */
function isRealInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return (
    date.getUTCMonth() === (month ?? 0) - 1 &&
    date.getUTCDate() === day &&
    (hour ?? 24) < 24 &&
    (minute ?? 60) < 60 &&
    (second ?? 60) < 60 &&
    (offsetHours ?? 15) <= 14 &&
    (offsetMinutes ?? 60) < 60
  );
}

function scheduleProblems(promotion: Promotion): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  const { schedule } = promotion;
  if (!schedule) return problems;
  if ([schedule.from, schedule.to].some((t) => t !== undefined && !isRealInstant(t))) {
    problems.push({ code: 'window', message: 'schedule.from or schedule.to is not a real instant' });
  } else if (schedule.from !== undefined && schedule.to !== undefined && Date.parse(schedule.to) <= Date.parse(schedule.from)) {
    problems.push({ code: 'window', message: 'schedule.to must come after schedule.from' });
  }
  if (schedule.hours && schedule.hours.from === schedule.hours.to) {
    problems.push({ code: 'hours', message: 'schedule.hours must not start and end at the same minute' });
  }
  const day = duplicated(schedule.days);
  if (day !== undefined) problems.push({ code: 'duplicate', message: `schedule.days names ${day} twice` });
  return problems;
}

/**
 * Every problem of a promotion, empty when it is sound: its structure first (nothing else is read
 * from a value of the wrong shape), then what the structure cannot say (a window that ends before it
 * starts, tiers out of order, an id named twice). At most 20 problems.
 */
export function promotionProblems(value: unknown): PromotionProblem[] {
  const shaped = check(PROMOTION_SHAPE, value, 'promotion');
  if (shaped.length > 0) return shaped.slice(0, MAX_PROBLEMS).map((message) => ({ code: 'shape', message }));
  const promotion = value as Promotion;
  const problems = [...scheduleProblems(promotion), ...benefitProblems(promotion.benefit)];
  const lists = { stores: promotion.stores, channels: promotion.channels };
  for (const [name, list] of Object.entries(lists)) {
    const twice = duplicated(list);
    if (twice !== undefined) problems.push({ code: 'duplicate', message: `${name} names ${twice} twice` });
  }
  if (promotion.coupon !== undefined && promotion.couponCode === undefined) {
    problems.push({ code: 'coupon', message: 'coupon needs a couponCode (the code, or the family of single-use codes)' });
  }
  if (promotion.audience.kind === 'tiers') {
    const twice = duplicated(promotion.audience.tiers);
    if (twice !== undefined) problems.push({ code: 'duplicate', message: `audience.tiers names ${twice} twice` });
  }
  return problems.slice(0, MAX_PROBLEMS);
}
