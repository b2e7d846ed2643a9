import type { ReportsChangedEvent } from '@pos/core/sync/head-office-api';
import { useEffect, useRef, useState } from 'react';
import { openReportEvents } from '../../api/office-client';

/** The part of EventSource the dashboard uses (tests give a fake one). */
export type EventSourceLike = {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
};
/** Opens the hub's report events with a query (`?stores=…` or ''); null where the browser has no EventSource. */
export type OpenEvents = (query: string) => EventSourceLike | null;

const openEvents: OpenEvents = (query) => (typeof EventSource === 'undefined' ? null : openReportEvents(query));

/** A burst of sales refreshes the figures once, this long after the last one. */
export const REFRESH_DEBOUNCE_MS = 1000;

/**
 * Calls `refresh` (debounced) when the hub says a followed store's reports changed, or that notices
 * may have been missed (`resync`, or the stream came back after a cut: the browser reconnects by
 * itself). `stores` null: every store the user covers (the hub keeps to them). Says whether live.
 */
export function useLiveReports(stores: readonly string[] | null, refresh: () => void, open: OpenEvents = openEvents): boolean {
  const [live, setLive] = useState(false);
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = stores === null ? '' : stores.join(',');
  useEffect(() => {
    const followed = key === '' ? null : new Set(key.split(','));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cut = false;
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => latest.current(), REFRESH_DEBOUNCE_MS);
    };
    const source = open(key === '' ? '' : `?stores=${encodeURIComponent(key)}`);
    if (!source) return;
    source.addEventListener('ready', () => {
      setLive(true);
      // Back after a cut: what was sold meanwhile was not told.
      if (cut) later();
      cut = false;
    });
    source.addEventListener('reports', (event) => {
      try {
        const { storeId } = JSON.parse(event.data) as ReportsChangedEvent;
        if (followed === null || followed.has(storeId)) later();
      } catch {
        // Not the hub's: ignored.
      }
    });
    source.addEventListener('resync', later);
    source.onerror = () => {
      cut = true;
      setLive(false);
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [key, open]);
  return live;
}
