import { canonicalJson } from '../fiscal/canonical-json';

/** What every ledger entry carries: an id that makes it unique, and the UTC instant it happened. */
export type LedgerEntryBase = { readonly id: string; readonly at: string };

export type UniqueEntries<T> = {
  /** Each id once, in time order (ties by id): the order a ledger is replayed in, whatever order the entries came in. */
  readonly entries: readonly T[];
  /** Ids seen with two different contents: one of them is kept (the same one whatever the order), the hub reports the others. */
  readonly conflicts: readonly string[];
};

/**
 * Ledger entries as the hub replays them: an entry pushed twice (a till's retry, a sale pushed again
 * months later) counts once, and the result never depends on the order they arrived in. When an id
 * comes with two different contents the smallest canonical form wins, so that too is order-free.
 */
export function uniqueEntries<T extends LedgerEntryBase>(entries: readonly T[]): UniqueEntries<T> {
  const kept = new Map<string, T>();
  // Canonical forms are only worked out for ids that come more than once: a replay of distinct entries costs none.
  const forms = new Map<T, string>();
  const formOf = (entry: T): string => {
    let form = forms.get(entry);
    if (form === undefined) forms.set(entry, (form = canonicalJson(entry) ?? ''));
    return form;
  };
  const conflicts = new Set<string>();
  for (const entry of entries) {
    const seen = kept.get(entry.id);
    if (seen === undefined) kept.set(entry.id, entry);
    else if (seen !== entry && formOf(seen) !== formOf(entry)) {
      conflicts.add(entry.id);
      if (formOf(entry) < formOf(seen)) kept.set(entry.id, entry);
    }
  }
  return { entries: [...kept.values()].sort(byTimeThenId), conflicts: [...conflicts].sort() };
}

export function byTimeThenId(a: LedgerEntryBase, b: LedgerEntryBase): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
