import { useCallback, useEffect, useRef, useState } from 'react';
import type { StockPage } from './stock-api';

export type PagedRows<T> = {
  /** Null while the first page loads. */
  readonly rows: readonly T[] | null;
  readonly hasMore: boolean;
  /** The last refusal (turned into words by the table), or null. */
  readonly problem: unknown;
  readonly more: () => Promise<void>;
};

/**
 * A keyset-paged list: the first page again whenever `key` changes (store, filters, a change
 * made on the page), the following pages appended by `more`. An answer for an older key is dropped.
 */
export function usePagedRows<T>(fetchPage: (cursor?: string) => Promise<StockPage<T>>, key: string): PagedRows<T> {
  const [rows, setRows] = useState<readonly T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const current = useRef(key);

  useEffect(() => {
    current.current = key;
    setRows(null);
    setNext(null);
    fetchRef.current().then(
      (page) => {
        if (current.current !== key) return;
        setRows(page.rows);
        setNext(page.next);
        setProblem(null);
      },
      (error: unknown) => current.current === key && setProblem(error),
    );
  }, [key]);

  const more = useCallback(async () => {
    if (next === null) return;
    const asked = current.current;
    try {
      const page = await fetchRef.current(next);
      if (current.current !== asked) return;
      setRows((before) => [...(before ?? []), ...page.rows]);
      setNext(page.next);
      setProblem(null);
    } catch (error) {
      setProblem(error);
    }
  }, [next]);

  return { rows, hasMore: next !== null, problem, more };
}
