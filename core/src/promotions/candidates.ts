import type { BasketLine } from './basket';
import { bundleTakes, buyGetTakes, mixAndMatchTakes } from './group-benefits';
import { cartTakes } from './cart-benefits';
import type { CompiledPromotion, CompiledPromotions } from './compile-promotions';
import { itemDiscountTakes, tierTakes } from './item-benefits';
import type { PoolLine, PoolState, Take } from './item-pool';
import type { PromotionTarget } from './promotion';

/** A promotion that concerns the basket, with the lines it may touch. */
export type Candidate = {
  readonly compiled: CompiledPromotion;
  /** Every pool line it may touch, in pool order (all promotable lines for a cart rule). */
  readonly lines: readonly number[];
  /** The lines matching its target, dearest first, ties by line id. */
  readonly runs: readonly number[];
  /** Buy-get with a separate get target: the lines matching it, dearest first. */
  readonly getRuns?: readonly number[];
  /** Bundle: for each item, the lines of its product, dearest first. */
  readonly bundleRuns?: readonly (readonly number[])[];
};

export function matchesTarget(target: PromotionTarget, line: BasketLine): boolean {
  return Boolean(
    target.productIds?.includes(line.productId) ||
    target.categories?.includes(line.category) ||
    (line.brand !== undefined && target.brands?.includes(line.brand)),
  );
}

function dearestFirst(pool: readonly PoolLine[], lines: readonly number[]): number[] {
  return [...lines].sort((a, b) => (pool[b]?.price ?? 0) - (pool[a]?.price ?? 0) || a - b);
}

/**
 * The promotions of the set that concern the basket, found through the set's indexes (never by
 * reading every rule): those naming a line's product, category or brand, and the cart rules.
 */
export function basketCandidates(promotions: CompiledPromotions, pool: readonly PoolLine[]): Candidate[] {
  const touched = new Map<CompiledPromotion, number[]>();
  const promotable = pool.filter((l) => l.items > 0).map((l) => l.index);
  for (const index of promotable) {
    const line = (pool[index] as PoolLine).line;
    const hits = [
      promotions.byProduct.get(line.productId),
      promotions.byCategory.get(line.category),
      line.brand !== undefined ? promotions.byBrand.get(line.brand) : undefined,
    ];
    for (const list of hits) {
      for (const compiled of list ?? []) {
        const lines = touched.get(compiled);
        if (!lines) touched.set(compiled, [index]);
        else if (lines[lines.length - 1] !== index) lines.push(index);
      }
    }
  }
  const candidates: Candidate[] = [];
  for (const compiled of promotions.cartWide) candidates.push({ compiled, lines: promotable, runs: dearestFirst(pool, promotable) });
  for (const [compiled, lines] of touched) {
    const { benefit } = compiled.promotion;
    const lineOf = (i: number) => (pool[i] as PoolLine).line;
    if (benefit.type === 'bundle') {
      const bundleRuns = benefit.items.map((item) =>
        dearestFirst(
          pool,
          lines.filter((i) => lineOf(i).productId === item.productId),
        ),
      );
      candidates.push({ compiled, lines, runs: [], bundleRuns });
    } else if (benefit.type === 'buy-get' && benefit.getTarget) {
      const { target, getTarget } = benefit;
      const runs = dearestFirst(
        pool,
        lines.filter((i) => matchesTarget(target, lineOf(i))),
      );
      const getRuns = dearestFirst(
        pool,
        lines.filter((i) => matchesTarget(getTarget, lineOf(i))),
      );
      candidates.push({ compiled, lines, runs, getRuns });
    } else {
      candidates.push({ compiled, lines, runs: dearestFirst(pool, lines) });
    }
  }
  return candidates.sort((a, b) => a.compiled.rank - b.compiled.rank);
}

/** What a candidate would take from the items the state leaves, before the stacking cut (see realize). */
export function candidateTakes(candidate: Candidate, pool: readonly PoolLine[], state: PoolState): { takes: Take[]; bp?: number } {
  const { benefit, stackable } = candidate.compiled.promotion;
  const view = { pool, state, stackable };
  switch (benefit.type) {
    case 'percent-off':
    case 'amount-off':
      return { takes: itemDiscountTakes(benefit, candidate.runs, view) };
    case 'quantity-tiers':
      return tierTakes(benefit, candidate.runs, view);
    case 'mix-and-match':
      return { takes: mixAndMatchTakes(benefit, candidate.runs, view) };
    case 'bundle':
      return { takes: bundleTakes(benefit, candidate.bundleRuns ?? [], view) };
    case 'buy-get':
      return { takes: buyGetTakes(benefit, candidate.runs, candidate.getRuns, view) };
    case 'cart-percent-off':
    case 'cart-amount-off':
      return { takes: cartTakes(benefit, view) };
  }
}
