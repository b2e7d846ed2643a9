import { applyInOrder, applyPromotion, commitApplication, copyState } from './apply-promotions';
import type { Candidate } from './candidates';
import { freshState, type PoolLine, type PoolState } from './item-pool';
import { isCartBenefit } from './promotion';

/** Up to this many item promotions competing for the same lines, every order is tried (4! = 24 orders). */
export const EXACT_LIMIT = 4;
/** Up to this many promotions in the whole basket, every order of all of them is tried (5! = 120 orders). */
export const EXACT_ALL_LIMIT = 5;
/** Beyond it: greedy, then swaps of neighbours: this many measured where they happen… */
export const EXCHANGE_CHECKS = 100;
/** …and this many, promising there, measured on the whole order. */
export const EXCHANGE_EVALUATIONS = 10;
/** Promotions greedy left out that the swaps may still bring in (the best of them alone). */
const EXCHANGE_EXTRAS = 8;
/** Cart promotions tried before the item promotions, the best alone first (see choosePromotions). */
export const CART_FIRST_TRIES = 2;

type Values = ReadonlyMap<Candidate, number>;
/** What each promotion gives alone, and the most it can give in any order. */
type Measures = { readonly alone: Values; readonly ceilings: Values };

/**
 * Every order of the list, in lexicographic order of rank, sharing the work of common prefixes;
 * the first order with the largest total wins. A branch is cut when even every remaining promotion
 * giving its ceiling (the most it can give, see ceilingsOf) could not beat the best found.
 */
function bestPermutation(list: readonly Candidate[], ceilings: Values, pool: readonly PoolLine[], start: PoolState): Candidate[] {
  let best: Candidate[] = [...list];
  let bestTotal = -1;
  const visit = (prefix: Candidate[], rest: readonly Candidate[], state: PoolState, total: number): void => {
    if (rest.length === 0) {
      if (total > bestTotal) [best, bestTotal] = [prefix, total];
      return;
    }
    if (total + rest.reduce((acc, c) => acc + (ceilings.get(c) ?? 0), 0) <= bestTotal) return;
    rest.forEach((c, i) => {
      const next = copyState(state);
      const { amount } = applyPromotion(c, pool, next, true);
      visit([...prefix, c], [...rest.slice(0, i), ...rest.slice(i + 1)], next, total + amount);
    });
  };
  visit([], list, start, 0);
  return best;
}

type Queued = { readonly candidate: Candidate; readonly value: number };

const before = (a: Queued, b: Queued) =>
  a.value > b.value || (a.value === b.value && a.candidate.compiled.rank < b.candidate.compiled.rank);

/** Whether two promotions may touch a common line (if not, their order changes nothing). */
function overlap(a: Candidate, b: Candidate): boolean {
  let i = 0;
  let j = 0;
  while (i < a.lines.length && j < b.lines.length) {
    const x = a.lines[i] ?? 0;
    const y = b.lines[j] ?? 0;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/**
 * Swaps of neighbours that share a line, kept when the whole order then gives strictly more. A swap
 * is first measured where it happens (the two promotions on the state before them, 2 applications);
 * only a swap that gives more there is measured on the whole order, within EXCHANGE_EVALUATIONS.
 */
function exchange(order: Candidate[], pool: readonly PoolLine[], start: PoolState): void {
  // states[i]: the state before order[i]; amounts[i]: what order[i] gives there.
  const states: PoolState[] = [];
  const amounts: number[] = [];
  const replay = (from: number): number => {
    const state = copyState(states[from] ?? start);
    for (let i = from; i < order.length; i++) {
      states[i] = copyState(state);
      amounts[i] = applyPromotion(order[i] as Candidate, pool, state, true).amount;
    }
    states.length = order.length;
    return amounts.reduce((acc, a) => acc + a, 0);
  };
  let best = replay(0);
  let checks = EXCHANGE_CHECKS;
  let evaluations = EXCHANGE_EVALUATIONS;
  for (let improved = true; improved && checks > 0 && evaluations > 0;) {
    improved = false;
    for (let i = 0; i + 1 < order.length && checks > 0 && evaluations > 0; i++) {
      const [a, b] = [order[i] as Candidate, order[i + 1] as Candidate];
      if (!overlap(a, b)) continue;
      checks -= 1;
      const here = copyState(states[i] ?? start);
      const local = applyPromotion(b, pool, here, true).amount + applyPromotion(a, pool, here, true).amount;
      if (local <= (amounts[i] ?? 0) + (amounts[i + 1] ?? 0)) continue;
      evaluations -= 1;
      const [keptStates, keptAmounts] = [[...states], [...amounts]];
      [order[i], order[i + 1]] = [b, a];
      const total = replay(i);
      if (total > best) {
        best = total;
        improved = true;
      } else {
        [order[i], order[i + 1]] = [a, b];
        states.splice(0, states.length, ...keptStates);
        amounts.splice(0, amounts.length, ...keptAmounts);
      }
    }
  }
}

/**
 * Greedy: the promotion that gives the most on what is left goes next. Lazy: a promotion only ever
 * gives less as items go, so its last measure bounds it and only the one at the head is measured
 * again. Then the exchange pass.
 */
function greedyWithExchange(list: readonly Candidate[], alone: Values, pool: readonly PoolLine[], start: PoolState): Candidate[] {
  const queue = list.map((candidate) => ({ candidate, value: alone.get(candidate) ?? 0 })).sort((a, b) => (before(a, b) ? -1 : 1));
  const state = copyState(start);
  const chosen: Candidate[] = [];
  const left: Queued[] = [];
  for (let head = queue.shift(); head; head = queue.shift()) {
    const measured = applyPromotion(head.candidate, pool, state, false);
    const value = measured.amount;
    const next = queue[0];
    if (value > 0 && (!next || before({ candidate: head.candidate, value }, next))) {
      commitApplication(measured, pool, state);
      chosen.push(head.candidate);
    } else if (value > 0) {
      const at = queue.findIndex((q) => before({ candidate: head.candidate, value }, q));
      queue.splice(at < 0 ? queue.length : at, 0, { candidate: head.candidate, value });
    } else left.push(head);
  }
  const others = left.sort((a, b) => (before(a, b) ? -1 : 1)).map((q) => q.candidate);
  const order = [...chosen, ...others.slice(0, EXCHANGE_EXTRAS)];
  exchange(order, pool, start);
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

/** The best order of some promotions from a state: exact for a small group, greedy with exchange beyond. */
function settle(list: readonly Candidate[], values: Measures, pool: readonly PoolLine[], start: PoolState): Candidate[] {
  if (list.length === 0) return [];
  const { alone, ceilings } = values;
  return list.length <= EXACT_LIMIT ? bestPermutation(list, ceilings, pool, start) : greedyWithExchange(list, alone, pool, start);
}

/** Item promotions, each group of competitors settled on its own (groups touch different lines). */
function settleItems(items: readonly Candidate[], values: Measures, pool: readonly PoolLine[], start: PoolState): Candidate[] {
  return competingGroups(items, pool.length).flatMap((group) => settle(group, values, pool, start));
}

/**
 * The most each promotion can give in any order: what it gives alone, except a rule limited to the
 * cheapest items, which gives more when others took those (then: as if unlimited, every item at most).
 */
function ceilingsOf(alone: ReadonlyMap<Candidate, number>, pool: readonly PoolLine[]): Map<Candidate, number> {
  const fresh = freshState(pool);
  const ceilings = new Map(alone);
  for (const c of alone.keys()) {
    const { promotion } = c.compiled;
    const { benefit } = promotion;
    if ((benefit.type !== 'percent-off' && benefit.type !== 'amount-off') || benefit.maxItems === undefined) continue;
    const unlimited = { ...benefit, maxItems: undefined };
    const free: Candidate = { ...c, compiled: { ...c.compiled, promotion: { ...promotion, benefit: unlimited } } };
    ceilings.set(c, applyPromotion(free, pool, fresh, false).amount);
  }
  return ceilings;
}

/**
 * Cart promotions on what the item promotions left. An exclusive one takes every free item, so at
 * most one of them applies: the one that gives most there (ties by rank). Either it goes first and
 * the stackable ones get what stackable item promotions stacked, or the stackable ones alone: the
 * larger total wins (a tie: the exclusive one first).
 */
function settleCarts(carts: readonly Candidate[], pool: readonly PoolLine[], start: PoolState): Candidate[] {
  const stackable = carts.filter((c) => c.compiled.promotion.stackable);
  let exclusive: Queued | null = null;
  for (const candidate of carts) {
    if (candidate.compiled.promotion.stackable) continue;
    const measured = { candidate, value: applyPromotion(candidate, pool, start, false).amount };
    if (measured.value > 0 && (!exclusive || before(measured, exclusive))) exclusive = measured;
  }
  if (!exclusive) return stackable;
  const withExclusive = [exclusive.candidate, ...stackable];
  return applyInOrder(withExclusive, pool, start).total >= applyInOrder(stackable, pool, start).total ? withExclusive : stackable;
}

/**
 * The order in which the eligible promotions apply (docs/promotions.md, "Which promotions win").
 * Promotions that give nothing alone are left out. Up to EXACT_ALL_LIMIT of them: every order of
 * all of them. Beyond, plan A: the item promotions (each group of
 * competitors for the same lines settled exactly up to EXACT_LIMIT, greedy with exchange beyond),
 * then the cart promotions on what they leave (settleCarts). Plans B: one of the CART_FIRST_TRIES best cart
 * promotions first, then the same on what it leaves. The plan with the largest total wins (ties: A,
 * then B in rank order). `candidates` come sorted by rank, so nothing depends on input order.
 */
export function choosePromotions(candidates: readonly Candidate[], pool: readonly PoolLine[]): { order: Candidate[]; inert: Candidate[] } {
  const alone = new Map<Candidate, number>();
  const inert: Candidate[] = [];
  const fresh = freshState(pool);
  for (const c of candidates) {
    const value = applyPromotion(c, pool, fresh, false).amount;
    if (value > 0) alone.set(c, value);
    else inert.push(c);
  }
  const active = [...alone.keys()];
  const values = { alone, ceilings: ceilingsOf(alone, pool) };
  if (active.length <= EXACT_ALL_LIMIT) return { order: bestPermutation(active, values.ceilings, pool, freshState(pool)), inert };
  const items = active.filter((c) => !isCartBenefit(c.compiled.promotion.benefit));
  const carts = active.filter((c) => isCartBenefit(c.compiled.promotion.benefit));
  const plan = (first: Candidate | null): { order: Candidate[]; total: number } => {
    const start = first ? applyInOrder([first], pool).state : freshState(pool);
    // After a cart promotion only stackable ones may join it (it took every free item).
    const joining = first?.compiled.promotion.stackable === false ? [] : items.filter((c) => !first || c.compiled.promotion.stackable);
    const itemOrder = settleItems(joining, values, pool, start);
    const afterItems = applyInOrder(itemOrder, pool, start);
    const cartOrder = settleCarts(
      carts.filter((c) => c !== first),
      pool,
      afterItems.state,
    );
    const total = (first ? (alone.get(first) ?? 0) : 0) + afterItems.total + applyInOrder(cartOrder, pool, afterItems.state).total;
    return { order: [...(first ? [first] : []), ...itemOrder, ...cartOrder], total };
  };
  let best = plan(null);
  const firsts = [...carts].sort((a, b) =>
    before({ candidate: a, value: alone.get(a) ?? 0 }, { candidate: b, value: alone.get(b) ?? 0 }) ? -1 : 1,
  );
  for (const first of items.length > 0 ? firsts.slice(0, CART_FIRST_TRIES) : []) {
    // An exclusive cart promotion first leaves nothing to any other: its plan gives what it gives alone.
    if (!first.compiled.promotion.stackable && (alone.get(first) ?? 0) <= best.total) continue;
    const tried = plan(first);
    if (tried.total > best.total) best = tried;
  }
  return { order: best.order, inert };
}
