/** An amount split into sales and returns (both as positive sums) and their net, sales − returns. */
export type Split = { readonly sales: number; readonly returns: number; readonly net: number };

export const ZERO_SPLIT: Split = { sales: 0, returns: 0, net: 0 };

export function addSplits(a: Split, b: Split): Split {
  return { sales: a.sales + b.sales, returns: a.returns + b.returns, net: a.net + b.net };
}

/** A running split while reading documents one by one. */
export type SplitSum = { sales: number; returns: number };

export function newSplitSum(): SplitSum {
  return { sales: 0, returns: 0 };
}

export function addTo(sum: SplitSum, amount: number, isReturn: boolean): void {
  if (isReturn) sum.returns += amount;
  else sum.sales += amount;
}

export function splitOf(sum: SplitSum): Split {
  return { sales: sum.sales, returns: sum.returns, net: sum.sales - sum.returns };
}

/** The entry of `key`, made by `make` the first time. */
export function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** A map's entries in the order of their keys (code points for strings, value for numbers). */
export function sortedEntries<K extends string | number, V>(map: ReadonlyMap<K, V>): [K, V][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
