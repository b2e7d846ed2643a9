import type { Product } from '@pos/core';
import { useEffect, useState } from 'react';
import { stockOf } from '../../app/hub-link';
import { perfMeasure } from '../../app/perf';
import { searchCatalog } from '../../db/catalog-search';
import { services } from '../../state/services';
import { useSyncStore } from '../../state/sync-store';

/** Digits alone are probably a scan in progress: wait this long before searching them. */
const DIGITS_DELAY_MS = 60;

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
      const started = performance.now();
      searchCatalog(services().db.catalog, query, 20).then(
        (results) => {
          if (cancelled) return;
          perfMeasure('pos:search-query', started);
          setState({ query, results, done: true, stock: NO_STOCK });
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
