import { isCartBenefit, normalizeCouponCode, type Promotion, type PromotionTarget } from './promotion';
import { promotionProblems, type PromotionProblem } from './validate-promotion';

/** A valid promotion with its place in the tie-break order (0 first: highest priority, then smallest id). */
export type CompiledPromotion = {
  readonly promotion: Promotion;
  readonly rank: number;
  /** What a sale's discount says it came from: a rule that needs a code is a coupon. */
  readonly source: 'promotion' | 'coupon';
};

export type RefusedPromotion = { readonly id?: string; readonly version?: number; readonly problems: readonly PromotionProblem[] };

/** A promotion set indexed once, so pricing a basket only reads the rules its lines can match. */
export type CompiledPromotions = {
  readonly promotions: readonly CompiledPromotion[];
  readonly byProduct: ReadonlyMap<string, readonly CompiledPromotion[]>;
  readonly byCategory: ReadonlyMap<string, readonly CompiledPromotion[]>;
  readonly byBrand: ReadonlyMap<string, readonly CompiledPromotion[]>;
  /** Cart rules: every basket may get them. */
  readonly cartWide: readonly CompiledPromotion[];
  /** Older versions of a promotion the set holds in a newer one: never applied. */
  readonly superseded: readonly CompiledPromotion[];
  /** Rules that fail validation: never applied, listed for the screens and the logs. */
  readonly refused: readonly RefusedPromotion[];
  /** Every code a rule of the set asks for (normalised): a presented code outside it is unknown. */
  readonly couponCodes: ReadonlySet<string>;
};

/** More than any chain runs at once; a set beyond it is a mistake, refused before any work. */
export const MAX_PROMOTIONS = 20_000;

function byRank(a: Promotion, b: Promotion): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return b.version - a.version;
}

function targetsOf(promotion: Promotion): PromotionTarget[] {
  const { benefit } = promotion;
  switch (benefit.type) {
    case 'cart-percent-off':
    case 'cart-amount-off':
      return [];
    case 'bundle':
      return [{ productIds: benefit.items.map((i) => i.productId) }];
    case 'buy-get':
      return benefit.getTarget ? [benefit.target, benefit.getTarget] : [benefit.target];
    default:
      return [benefit.target];
  }
}

function addTo(index: Map<string, CompiledPromotion[]>, keys: readonly string[] | undefined, compiled: CompiledPromotion): void {
  for (const key of keys ?? []) {
    const list = index.get(key);
    if (!list) index.set(key, [compiled]);
    else if (list[list.length - 1] !== compiled) list.push(compiled);
  }
}

/**
 * Two copies of one id and version: the same document received twice keeps one copy; two different
 * documents under one version cannot be told apart, so both are refused (whatever order they came in).
 */
function dropConflictingCopies(sorted: Promotion[], refused: RefusedPromotion[]): void {
  const copies = new Map<string, Promotion[]>();
  for (const p of sorted) {
    const key = `${p.version}:${p.id}`;
    copies.set(key, [...(copies.get(key) ?? []), p]);
  }
  const dropped = new Set<Promotion>();
  for (const list of copies.values()) {
    if (list.length < 2) continue;
    const texts = new Set(list.map((p) => JSON.stringify(p)));
    list.forEach((p, i) => (texts.size === 1 ? i > 0 : true) && dropped.add(p));
    const first = list[0];
    if (texts.size > 1 && first) {
      const message = `promotion ${first.id} version ${first.version} comes in ${list.length} different forms`;
      refused.push({ id: first.id, version: first.version, problems: [{ code: 'duplicate', message }] });
    }
  }
  if (dropped.size > 0) sorted.splice(0, sorted.length, ...sorted.filter((p) => !dropped.has(p)));
}

/**
 * Validates and indexes a set of promotions once (the till when its promotions change, the hub per
 * set version), whatever order they come in: the result is the same for any permutation of the input.
 */
export function compilePromotions(input: readonly unknown[]): CompiledPromotions {
  if (input.length > MAX_PROMOTIONS) throw new RangeError(`At most ${MAX_PROMOTIONS} promotions in a set`);
  const refused: RefusedPromotion[] = [];
  const valid: Promotion[] = [];
  for (const value of input) {
    const problems = promotionProblems(value);
    if (problems.length === 0) {
      valid.push(value as Promotion);
      continue;
    }
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    refused.push({
      ...(typeof v.id === 'string' ? { id: v.id.slice(0, 64) } : {}),
      ...(typeof v.version === 'number' ? { version: v.version } : {}),
      problems,
    });
  }
  valid.sort(byRank);
  dropConflictingCopies(valid, refused);
  const newest = new Map<string, Promotion>();
  for (const p of valid) if ((newest.get(p.id)?.version ?? 0) < p.version) newest.set(p.id, p);
  const promotions: CompiledPromotion[] = [];
  const superseded: CompiledPromotion[] = [];
  const byProduct = new Map<string, CompiledPromotion[]>();
  const byCategory = new Map<string, CompiledPromotion[]>();
  const byBrand = new Map<string, CompiledPromotion[]>();
  const cartWide: CompiledPromotion[] = [];
  const couponCodes = new Set<string>();
  for (const promotion of valid) {
    const compiled: CompiledPromotion = {
      promotion,
      rank: promotions.length,
      source: promotion.couponCode !== undefined ? 'coupon' : 'promotion',
    };
    if (newest.get(promotion.id) !== promotion) {
      superseded.push(compiled);
      continue;
    }
    promotions.push(compiled);
    if (promotion.couponCode !== undefined) couponCodes.add(normalizeCouponCode(promotion.couponCode));
    if (isCartBenefit(promotion.benefit)) cartWide.push(compiled);
    for (const target of targetsOf(promotion)) {
      addTo(byProduct, target.productIds, compiled);
      addTo(byCategory, target.categories, compiled);
      addTo(byBrand, target.brands, compiled);
    }
  }
  return { promotions, byProduct, byCategory, byBrand, cartWide, superseded, refused, couponCodes };
}
