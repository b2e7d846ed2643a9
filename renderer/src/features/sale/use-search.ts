import type { Product } from '@pos/core';
import { useEffect, useState } from 'react';
import { perfMeasure } from '../../app/perf';
import { searchCatalog } from '../../db/catalog-search';
import { services } from '../../state/services';

/** Digits alone are probably a scan in progress: wait this long before searching them. */
const DIGITS_DELAY_MS = 60;

export type SearchState = { readonly query: string; readonly results: readonly Product[]; readonly done: boolean };

/**
 * Results as the cashier types: each query is an index-range lookup; an answer that arrives
 * after a newer query started is dropped.
 */
export function useSearch(text: string): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', results: [], done: true });
  useEffect(() => {
    const query = text.trim();
    if (query.length === 0) {
      setState({ query: '', results: [], done: true });
      return;
    }
    let cancelled = false;
    const run = () => {
      const started = performance.now();
      searchCatalog(services().db.catalog, query, 20).then(
        (results) => {
          if (cancelled) return;
          perfMeasure('pos:search-query', started);
          setState({ query, results, done: true });
        },
        () => !cancelled && setState({ query, results: [], done: true }),
      );
    };
    const timer = /^[0-9]+$/.test(query) ? setTimeout(run, DIGITS_DELAY_MS) : (run(), undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text]);
  return state;
}
