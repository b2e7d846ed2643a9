import { allocateByWeight } from '../money/allocate';
import { percentOf } from '../money/money';
import type { BundlePrice, BuyGet, MixAndMatch } from './promotion';
import { available, type PoolLine, type PoolView, type Take } from './item-pool';

/** A run of identical items of one line within a group. */
type Segment = { line: number; items: number };

/** Items left on each pool line for the rule being measured (a working copy: measuring changes nothing). */
function leftOf({ pool, state, stackable }: PoolView): number[] {
  return pool.map((_, i) => available(state, i, stackable));
}

/** The next `size` items, dearest first, from the runs (or null when fewer are left); takes them from `left`. */
function nextGroup(runs: readonly number[], left: number[], size: number): Segment[] | null {
  const group: Segment[] = [];
  let need = size;
  for (const line of runs) {
    if (need === 0) break;
    const items = Math.min(left[line] ?? 0, need);
    if (items > 0) {
      group.push({ line, items });
      need -= items;
    }
  }
  if (need > 0) return null;
  for (const s of group) left[s.line] = (left[s.line] ?? 0) - s.items;
  return group;
}

function putBack(group: readonly Segment[], left: number[]): void {
  for (const s of group) left[s.line] = (left[s.line] ?? 0) + s.items;
}

function add(counts: Map<number, number>, line: number, items: number): void {
  counts.set(line, (counts.get(line) ?? 0) + items);
}

function groupValue(pool: readonly PoolLine[], group: readonly Segment[]): number {
  return group.reduce((acc, s) => acc + s.items * (pool[s.line]?.price ?? 0), 0);
}

/**
 * How many more times the loop would take exactly this group again: when each part came whole from one
 * line, the next group comes from the same lines as long as they hold enough. Lets a line of 9,999
 * items cost one step, not thousands.
 */
function repeats(parts: readonly (readonly Segment[])[], left: readonly number[], limit: number): number {
  if (parts.some((part) => part.length !== 1)) return 0;
  const need = new Map<number, number>();
  for (const part of parts) add(need, part[0]?.line ?? 0, part[0]?.items ?? 0);
  let times = limit;
  for (const [line, items] of need) times = Math.min(times, Math.floor((left[line] ?? 0) / items));
  return times;
}

function takeAgain(parts: readonly (readonly Segment[])[], times: number, left: number[], taken: Map<number, number>): void {
  for (const part of parts) {
    for (const s of part) {
      left[s.line] = (left[s.line] ?? 0) - times * s.items;
      add(taken, s.line, times * s.items);
    }
  }
}

/** A discount spread over the items a group rule took, in proportion to their price (ties by line id). */
function spread(pool: readonly PoolLine[], taken: ReadonlyMap<number, number>, discount: number): Take[] {
  const lines = [...taken.keys()].sort((a, b) => a - b);
  const shares = allocateByWeight(
    discount,
    lines.map((line) => ({ key: pool[line]?.line.lineId ?? '', weight: (taken.get(line) ?? 0) * (pool[line]?.price ?? 0) })),
  );
  return lines.map((line) => ({ line, items: taken.get(line) ?? 0, discount: shares.get(pool[line]?.line.lineId ?? '') ?? 0 }));
}

/**
 * Any N items for a price: groups of the dearest items first (the best for the customer), as long as
 * a group costs more than the price. Groups inside one line are counted in one step, so a line of
 * 9,999 items costs no more than a line of one.
 */
export function mixAndMatchTakes(benefit: MixAndMatch, runs: readonly number[], view: PoolView): Take[] {
  const { pool } = view;
  const left = leftOf(view);
  const taken = new Map<number, number>();
  let groups = benefit.maxApplications ?? Number.POSITIVE_INFINITY;
  let discount = 0;
  // Groups get cheaper as they go: the first one not worth its price ends the search.
  for (const line of runs) {
    const price = pool[line]?.price ?? 0;
    const whole = Math.min(Math.floor((left[line] ?? 0) / benefit.quantity), groups);
    if (whole > 0) {
      if (benefit.quantity * price <= benefit.price) break;
      left[line] = (left[line] ?? 0) - whole * benefit.quantity;
      add(taken, line, whole * benefit.quantity);
      discount += whole * (benefit.quantity * price - benefit.price);
      groups -= whole;
    }
    if (groups <= 0 || (left[line] ?? 0) === 0) continue;
    // A group across this line's last items and the cheaper lines after it.
    const group = nextGroup(runs, left, benefit.quantity);
    const value = group ? groupValue(pool, group) - benefit.price : 0;
    if (!group || value <= 0) break;
    for (const s of group) add(taken, s.line, s.items);
    discount += value;
    groups -= 1;
  }
  return discount > 0 ? spread(pool, taken, discount) : [];
}

/** These products together for a price: as many bundles as the basket holds, the dearest items first, while a bundle saves money. */
export function bundleTakes(benefit: BundlePrice, runsByItem: readonly (readonly number[])[], view: PoolView): Take[] {
  const { pool } = view;
  const left = leftOf(view);
  const taken = new Map<number, number>();
  let discount = 0;
  const limit = benefit.maxApplications ?? Number.POSITIVE_INFINITY;
  for (let bundles = 0; bundles < limit; bundles++) {
    const parts: Segment[][] = [];
    for (const [i, item] of benefit.items.entries()) {
      const part = nextGroup(runsByItem[i] ?? [], left, item.quantity);
      if (!part) break;
      parts.push(part);
    }
    const value = parts.reduce((acc, part) => acc + groupValue(pool, part), 0) - benefit.price;
    if (parts.length < benefit.items.length || value <= 0) {
      for (const part of parts) putBack(part, left);
      break;
    }
    for (const part of parts) for (const s of part) add(taken, s.line, s.items);
    const again = repeats(parts, left, limit - bundles - 1);
    takeAgain(parts, again, left, taken);
    discount += (1 + again) * value;
    bundles += again;
  }
  return discount > 0 ? spread(pool, taken, discount) : [];
}

/**
 * Buy X, get Y at bp off. From one set: groups of X + Y of the dearest items, the Y cheapest of
 * each group get the benefit. With a separate `getTarget`: the dearest items of that set get the
 * benefit and the cheapest items of `target` pay for it (keeping dear ones for other rules).
 */
export function buyGetTakes(benefit: BuyGet, runs: readonly number[], getRuns: readonly number[] | undefined, view: PoolView): Take[] {
  const { pool } = view;
  const left = leftOf(view);
  const used = new Map<number, number>();
  const favoured = new Map<number, number>();
  const cheapestFirst = [...runs].reverse();
  const limit = benefit.maxApplications ?? Number.POSITIVE_INFINITY;
  for (let groups = 0; groups < limit; groups++) {
    let parts: Segment[][];
    let gets: Segment[];
    if (!getRuns) {
      const group = nextGroup(runs, left, benefit.buyQuantity + benefit.getQuantity);
      if (!group) break;
      gets = [];
      let free = benefit.getQuantity;
      for (let i = group.length - 1; i >= 0 && free > 0; i--) {
        const s = group[i] as Segment;
        gets.push({ line: s.line, items: Math.min(s.items, free) });
        free -= Math.min(s.items, free);
      }
      parts = [group];
    } else {
      const get = nextGroup(getRuns, left, benefit.getQuantity);
      const buy = get ? nextGroup(cheapestFirst, left, benefit.buyQuantity) : null;
      if (!get || !buy) {
        if (get) putBack(get, left);
        break;
      }
      gets = get;
      parts = [get, buy];
    }
    for (const part of parts) for (const s of part) add(used, s.line, s.items);
    const again = repeats(parts, left, limit - groups - 1);
    takeAgain(parts, again, left, used);
    for (const s of gets) add(favoured, s.line, (1 + again) * s.items);
    groups += again;
  }
  const takes: Take[] = [];
  for (const [line, items] of [...used].sort((a, b) => a[0] - b[0])) {
    takes.push({ line, items, discount: percentOf((favoured.get(line) ?? 0) * (pool[line]?.price ?? 0), benefit.bp) });
  }
  return takes.some((t) => t.discount > 0) ? takes : [];
}
