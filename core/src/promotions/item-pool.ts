import type { BasketLine } from './basket';

/**
 * The basket as items: a line of n pieces at the same price is n identical items; a weighed or
 * price-labelled line is one item worth its gross. Lines are kept sorted by line id, so nothing the
 * engine does depends on the order the lines came in.
 */
export type PoolLine = {
  readonly line: BasketLine;
  /** Position in the pool (lines sorted by id). */
  readonly index: number;
  /** Price of one item. */
  readonly price: number;
  /** Items on the line; 0 for a line no promotion may touch (given back, free, or negative). */
  readonly items: number;
};

/**
 * Which items are still available to the rules applied so far: `free` items no rule took, `stacked`
 * items only stackable rules took (with what they took off them), the rest belong to one exclusive rule.
 */
export type PoolState = {
  readonly free: number[];
  readonly stacked: number[];
  readonly stackedDiscount: number[];
};

/** What a rule being measured sees: the pool, what the rules before it left, and whether it stacks. */
export type PoolView = { readonly pool: readonly PoolLine[]; readonly state: PoolState; readonly stackable: boolean };

export function poolLines(lines: readonly BasketLine[]): PoolLine[] {
  const sorted = [...lines].sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
  return sorted.map((line, index) => {
    if (line.quantity <= 0 || line.gross <= 0) return { line, index, price: 0, items: 0 };
    const pieces = line.measure === 'unit' && line.gross === line.unitPrice * line.quantity;
    return pieces ? { line, index, price: line.unitPrice, items: line.quantity } : { line, index, price: line.gross, items: 1 };
  });
}

export function freshState(pool: readonly PoolLine[]): PoolState {
  return { free: pool.map((l) => l.items), stacked: pool.map(() => 0), stackedDiscount: pool.map(() => 0) };
}

/** Items of a line a rule may take: free ones, and for a stackable rule those only stackable rules took. */
export function available(state: PoolState, line: number, stackable: boolean): number {
  return (state.free[line] ?? 0) + (stackable ? (state.stacked[line] ?? 0) : 0);
}

/** What a line's available items are still worth: a stackable rule sees what other stackable rules left. */
export function availableValue(pool: readonly PoolLine[], state: PoolState, line: number, stackable: boolean): number {
  const price = pool[line]?.price ?? 0;
  const free = (state.free[line] ?? 0) * price;
  if (!stackable) return free;
  return free + (state.stacked[line] ?? 0) * price - (state.stackedDiscount[line] ?? 0);
}

/** Items a rule takes on one line and what it takes off them. */
export type Take = { readonly line: number; readonly items: number; readonly discount: number };

/**
 * What a rule's takes come to on the state (each line at most once in `takes`): a stackable rule's
 * discount is cut so the stackable rules together never take more than their items are worth.
 */
export function measure(pool: readonly PoolLine[], state: PoolState, takes: readonly Take[], stackable: boolean): Take[] {
  if (!stackable) return takes as Take[];
  return takes.map((take) => {
    const stacked = state.stacked[take.line] ?? 0;
    const items = Math.max(stacked, take.items);
    const ceiling = items * (pool[take.line]?.price ?? 0) - (state.stackedDiscount[take.line] ?? 0);
    return { line: take.line, items: take.items, discount: Math.max(0, Math.min(take.discount, ceiling)) };
  });
}

/**
 * Gives a rule the items of its measured takes: an exclusive rule takes free items; a stackable one
 * takes items other stackable rules took first (so free items stay for exclusive rules), then free ones.
 */
export function commit(state: PoolState, measured: readonly Take[], stackable: boolean): void {
  for (const take of measured) {
    const stacked = state.stacked[take.line] ?? 0;
    const fromFree = stackable ? Math.max(0, take.items - stacked) : take.items;
    state.free[take.line] = (state.free[take.line] ?? 0) - fromFree;
    if (stackable) {
      state.stacked[take.line] = stacked + fromFree;
      state.stackedDiscount[take.line] = (state.stackedDiscount[take.line] ?? 0) + take.discount;
    }
  }
}
