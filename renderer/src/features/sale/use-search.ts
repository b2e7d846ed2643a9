import type { Product } from '@pos/core';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { stockOf } from '../../app/hub-link';
import { useSyncStore } from '../../state/sync-store';
import { DIGITS_DELAY_MS, searchFor } from './search-runner';

export type SearchState = {
  readonly query: string;
  readonly results: readonly Product[];
  readonly done: boolean;
  /** Stock per product id, when the hub has sent levels (shown beside each result). */
  readonly stock: ReadonlyMap<string, number>;
};

const NO_STOCK: ReadonlyMap<string, number> = new Map();

/**
 * Results as the cashier types: each query is an index-range lookup; an answer that arrives
 * after a newer query started is dropped.
 */
export function useSearch(text: string): SearchState {
  // A price change or new stock levels arriving while results are on screen: the same query runs again.
  const revision = useSyncStore((s) => s.catalogRevision);
  const [state, setState] = useState<SearchState>({ query: '', results: [], done: true, stock: NO_STOCK });
  useEffect(() => {
    const query = text.trim();
    if (query.length === 0) {
      setState({ query: '', results: [], done: true, stock: NO_STOCK });
      return;
    }
    let cancelled = false;
    const run = () => {
      searchFor(query, revision).then(
        (results) => {
          if (cancelled) return;
          // Drawn in the database's answer itself, not one task later (a search's figure in bench:till).
          flushSync(() => setState({ query, results, done: true, stock: NO_STOCK }));
          // Stock comes after the results, so it never delays them.
          void stockOf(results.map((p) => p.id)).then(
            (stock) => !cancelled && stock.size > 0 && setState({ query, results, done: true, stock }),
            () => undefined,
          );
        },
        () => !cancelled && setState({ query, results: [], done: true, stock: NO_STOCK }),
      );
    };
    const timer = /^[0-9]+$/.test(query) ? setTimeout(run, DIGITS_DELAY_MS) : (run(), undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, revision]);
  return state;
}
