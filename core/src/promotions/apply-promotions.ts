import { cartAmount } from './cart-benefits';
import { candidateTakes, type Candidate } from './candidates';
import { commit as commitTakes, freshState, measure, type PoolLine, type PoolState, type Take } from './item-pool';

/**
 * A promotion as it applied: its takes after the stacking cut, and the tier it reached (quantity
 * tiers). `measuredOnly`: a cart rule measured without spreading it over the lines (its takes empty).
 */
export type Application = {
  readonly candidate: Candidate;
  readonly takes: readonly Take[];
  readonly amount: number;
  readonly bp?: number;
  readonly measuredOnly?: true;
};

/** Gives a measured promotion its items when it gives something (otherwise the state stays as it is). */
export function commitApplication(application: Application, pool: readonly PoolLine[], state: PoolState): void {
  if (application.amount <= 0) return;
  if (application.measuredOnly) applyPromotion(application.candidate, pool, state, true);
  else commitTakes(state, application.takes, application.candidate.compiled.promotion.stackable);
}

/** What one promotion gives on the state; with `commit`, it also takes its items when it gives something. */
export function applyPromotion(candidate: Candidate, pool: readonly PoolLine[], state: PoolState, commit: boolean): Application {
  const { benefit, stackable } = candidate.compiled.promotion;
  // Measuring a cart rule needs only its amount: spreading it over 30 lines is most of its cost.
  if (!commit && (benefit.type === 'cart-percent-off' || benefit.type === 'cart-amount-off')) {
    return { candidate, takes: [], amount: cartAmount(benefit, { pool, state, stackable }), measuredOnly: true };
  }
  const { takes, bp } = candidateTakes(candidate, pool, state);
  const measured = measure(pool, state, takes, candidate.compiled.promotion.stackable);
  const amount = measured.reduce((acc, t) => acc + t.discount, 0);
  const application = { candidate, takes: measured, amount, ...(bp !== undefined ? { bp } : {}) };
  if (commit) commitApplication(application, pool, state);
  return application;
}

export function copyState(state: PoolState): PoolState {
  return { free: [...state.free], stacked: [...state.stacked], stackedDiscount: [...state.stackedDiscount] };
}

/**
 * The promotions of an order applied one after the other, each to what the ones before it left
 * (from `start`, left untouched, or from the whole basket).
 */
export function applyInOrder(
  order: readonly Candidate[],
  pool: readonly PoolLine[],
  start?: PoolState,
): { total: number; applications: Application[]; state: PoolState } {
  const state = start ? copyState(start) : freshState(pool);
  const applications: Application[] = [];
  let total = 0;
  for (const candidate of order) {
    const application = applyPromotion(candidate, pool, state, true);
    if (application.amount <= 0) continue;
    applications.push(application);
    total += application.amount;
  }
  return { total, applications, state };
}
