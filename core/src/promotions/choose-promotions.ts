import type { Candidate } from './candidates';
import { candidateTakes } from './candidates';
import { freshState, realize, type PoolLine, type PoolState, type Take } from './item-pool';

/** A promotion as it applied: its takes after the stacking cut, and the tier it reached (quantity tiers). */
export type Application = { readonly candidate: Candidate; readonly takes: readonly Take[]; readonly amount: number; readonly bp?: number };

/** Up to this many promotions competing for the same lines, every order is tried (5! = 120 orders). */
export const EXACT_LIMIT = 5;
/** Beyond it: greedy, then swaps of neighbours while one gives more, within this many evaluations. */
export const EXCHANGE_EVALUATIONS = 200;
/** Promotions the swaps look at: the ones greedy applied, then the best of the others, up to this many. */
const EXCHANGE_WIDTH = 24;

/** Applies one promotion to the state when it gives something; returns what it gave (amount 0: nothing, state untouched). */
function apply(candidate: Candidate, pool: readonly PoolLine[], state: PoolState, commit: boolean): Application {
  const { takes, bp } = candidateTakes(candidate, pool, state);
  const { stackable } = candidate.compiled.promotion;
  const measured = realize(pool, state, takes, stackable, false);
  const amount = measured.reduce((acc, t) => acc + t.discount, 0);
  if (amount > 0 && commit) realize(pool, state, takes, stackable, true);
  return { candidate, takes: measured, amount, ...(bp !== undefined ? { bp } : {}) };
}

/** The promotions of an order applied one after the other, each to what the ones before it left. */
export function applyInOrder(order: readonly Candidate[], pool: readonly PoolLine[]): { total: number; applications: Application[] } {
  const state = freshState(pool);
  const applications: Application[] = [];
  let total = 0;
  for (const candidate of order) {
    const application = apply(candidate, pool, state, true);
    if (application.amount <= 0) continue;
    applications.push(application);
    total += application.amount;
  }
  return { total, applications };
}

const totalOf = (order: readonly Candidate[], pool: readonly PoolLine[]) => applyInOrder(order, pool).total;

/** Every order of the list in lexicographic order of rank; the first with the largest total wins. */
function bestPermutation(list: readonly Candidate[], pool: readonly PoolLine[]): Candidate[] {
  let best: Candidate[] = [...list];
  let bestTotal = totalOf(best, pool);
  const visit = (prefix: Candidate[], rest: Candidate[]): void => {
    if (rest.length === 0) {
      const total = totalOf(prefix, pool);
      if (total > bestTotal) [best, bestTotal] = [[...prefix], total];
      return;
    }
    rest.forEach((c, i) => visit([...prefix, c], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  visit([], [...list]);
  return best;
}

type Queued = { readonly candidate: Candidate; readonly value: number };

const before = (a: Queued, b: Queued) =>
  a.value > b.value || (a.value === b.value && a.candidate.compiled.rank < b.candidate.compiled.rank);

/**
 * Greedy: the promotion that gives the most on what is left goes next. Lazy: a promotion only ever
 * gives less as items go, so its last measure bounds it and only the one at the head is measured
 * again. Then swaps of neighbours, kept when they give strictly more.
 */
function greedyWithExchange(
  list: readonly Candidate[],
  standalone: ReadonlyMap<Candidate, number>,
  pool: readonly PoolLine[],
): Candidate[] {
  const queue: Queued[] = list
    .map((candidate) => ({ candidate, value: standalone.get(candidate) ?? 0 }))
    .sort((a, b) => (before(a, b) ? -1 : 1));
  const state = freshState(pool);
  const chosen: Candidate[] = [];
  const left: Queued[] = [];
  for (let head = queue.shift(); head; head = queue.shift()) {
    const value = apply(head.candidate, pool, state, false).amount;
    const next = queue[0];
    if (value > 0 && (!next || before({ candidate: head.candidate, value }, next))) {
      apply(head.candidate, pool, state, true);
      chosen.push(head.candidate);
    } else if (value > 0) {
      const at = queue.findIndex((q) => before({ candidate: head.candidate, value }, q));
      queue.splice(at < 0 ? queue.length : at, 0, { candidate: head.candidate, value });
    } else left.push(head);
  }
  const others = left.sort((a, b) => (before(a, b) ? -1 : 1)).map((q) => q.candidate);
  const order = [...chosen, ...others.slice(0, Math.max(0, EXCHANGE_WIDTH - chosen.length))];
  let best = totalOf(order, pool);
  let evaluations = 0;
  for (let improved = true; improved && evaluations < EXCHANGE_EVALUATIONS;) {
    improved = false;
    for (let i = 0; i + 1 < order.length && evaluations < EXCHANGE_EVALUATIONS; i++) {
      const swapped = [...order];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1] as Candidate, swapped[i] as Candidate];
      evaluations += 1;
      const total = totalOf(swapped, pool);
      if (total > best) {
        best = total;
        order.splice(0, order.length, ...swapped);
        improved = true;
      }
    }
  }
  return order;
}

/** Groups of promotions that share a line (through any chain of them): the groups never compete. */
function competingGroups(candidates: readonly Candidate[], lineCount: number): Candidate[][] {
  const parent = Array.from({ length: lineCount }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  for (const c of candidates) for (const line of c.lines.slice(1)) parent[root(line)] = root(c.lines[0] ?? line);
  const groups = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const key = root(c.lines[0] ?? 0);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/**
 * The order in which the eligible promotions apply (see docs/promotions.md, "Which promotions win"):
 * promotions that give nothing alone are left out; each group of promotions competing for the same
 * lines is settled on its own, exactly (every order) up to EXACT_LIMIT of them, greedy with exchange
 * beyond. `candidates` come sorted by rank, so the result depends on neither line nor rule order.
 */
export function choosePromotions(candidates: readonly Candidate[], pool: readonly PoolLine[]): { order: Candidate[]; inert: Candidate[] } {
  const standalone = new Map<Candidate, number>();
  const inert: Candidate[] = [];
  for (const c of candidates) {
    const value = applyInOrder([c], pool).total;
    if (value > 0) standalone.set(c, value);
    else inert.push(c);
  }
  const order: Candidate[] = [];
  for (const group of competingGroups([...standalone.keys()], pool.length)) {
    order.push(...(group.length <= EXACT_LIMIT ? bestPermutation(group, pool) : greedyWithExchange(group, standalone, pool)));
  }
  return { order, inert };
}
