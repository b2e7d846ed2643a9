import type { Product } from '@pos/core';
import { perfMeasure } from '../../app/perf';
import { searchCatalog } from '../../db/catalog-search';
import { services } from '../../state/services';

/** Digits alone are probably a scan in progress: wait this long before searching them. */
export const DIGITS_DELAY_MS = 60;

type Running = { readonly query: string; readonly revision: number; readonly answer: Promise<Product[]> };
let running: Running | null = null;

/**
 * The catalog lookup for a query, started at most once per query and catalog revision. The
 * search box starts it from its input handler, before React draws the keystroke, so the
 * database works while the page renders; the search hook then takes the same answer.
 */
export function searchFor(query: string, revision: number): Promise<Product[]> {
  if (running && running.query === query && running.revision === revision) return running.answer;
  const started = performance.now();
  const answer = searchCatalog(services().db.catalog, query, 20).then((results) => {
    perfMeasure('pos:search-query', started);
    return results;
  });
  const entry = { query, revision, answer };
  running = entry;
  // A failed lookup is not kept: the next keystroke asks again.
  answer.catch(() => {
    if (running === entry) running = null;
  });
  return answer;
}

/** Starts the lookup of what the cashier typed now, unless digits (a scan arriving) must wait. */
export function startSearch(text: string, revision: number): void {
  const query = text.trim();
  if (query.length > 0 && !/^[0-9]+$/.test(query)) void searchFor(query, revision).catch(() => undefined);
}
