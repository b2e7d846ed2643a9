/**
 * What the benchmark installs in every page (as an init script, before the till's own code):
 * timestamps of the input that starts a figure, and MutationObservers that see the screen change
 * it causes, then wait for the next animation frame. Kept as plain JavaScript text so that
 * nothing the TypeScript loader adds to functions (helpers such as __name) reaches the page.
 */

/** One scan: Enter keydown → cart changed in the DOM → next animation frame. Times are performance.now() of the page. */
export type ScanProbeResult = {
  readonly ok: boolean;
  readonly enter: number | null;
  readonly mutation: number | null;
  readonly frame: number | null;
  /** The till's own marks for this scan (sell.ts): handler entered, line added to the store. */
  readonly scanStart: number | null;
  readonly scanAdded: number | null;
  readonly rows: number;
  /** Longest gap between two keydowns of the scan: over 40 ms the till takes it for typing. */
  readonly maxKeyGap: number;
};

/** One query: input event → results list rendered → next animation frame. */
export type SearchProbeResult = {
  readonly ok: boolean;
  readonly input: number | null;
  readonly mutation: number | null;
  readonly frame: number | null;
  readonly results: number;
  /** The till's pos:search-query measure (the database part) for this query, if it ended. */
  readonly dbMs: number | null;
  readonly items: readonly { readonly name: string; readonly sku: string }[];
};

export type BootState = {
  readonly ready: boolean;
  readonly status: string | null;
  readonly alert: string | null;
  readonly signIn: boolean;
  /** The start of the page's text, for messages when the till is stuck. */
  readonly text: string;
};

export type BenchApi = {
  bootState(): BootState;
  cartRows(): number;
  armScan(): void;
  scanResult(timeoutMs: number): Promise<ScanProbeResult>;
  resultsShown(): boolean;
  armSearch(): void;
  searchResult(timeoutMs: number): Promise<SearchProbeResult>;
  countCatalog(): Promise<{ name: string; products: number } | null>;
  readyMark(): { ready: number | null; responseEnd: number; domContentLoaded: number; fcp: number | null };
  measures(name: string): number[];
  /** pos:commit entries, each split into the seal round trip to the host and what follows it (the strict RxDB write). */
  commits(): { total: number; seal: number | null; local: number | null }[];
  clearMeasures(name: string): void;
  heap(): number | null;
};

export type BenchWindow = Window & { __bench: BenchApi };

export const CART_SELECTOR = 'table[aria-label="Panier"]';
export const RESULTS_SELECTOR = 'ul[aria-label="Résultats de recherche"]';

export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__bench) return;
  const CART = ${JSON.stringify(CART_SELECTOR)};
  const RESULTS = ${JSON.stringify(RESULTS_SELECTOR)};
  let scan = null;
  let search = null;

  const cartSignature = () => {
    const table = document.querySelector(CART);
    if (!table) return 'empty';
    const rows = table.querySelectorAll('tbody tr');
    let signature = String(rows.length);
    for (const row of rows) signature += '|' + (row.querySelector('td.qty span') ? row.querySelector('td.qty span').textContent : '');
    return signature;
  };

  // Capture phase on window: the first listener of the page, before the till's wedge handler
  // (which stops propagation of a scan's Enter, but not other listeners on window).
  window.addEventListener('keydown', (event) => {
    if (!scan || scan.enter !== null) return;
    if (scan.lastKey !== null) scan.maxGap = Math.max(scan.maxGap, event.timeStamp - scan.lastKey);
    scan.lastKey = event.timeStamp;
    if (event.key === 'Enter') scan.enter = event.timeStamp;
  }, { capture: true });
  window.addEventListener('input', (event) => {
    if (search && search.input === null) search.input = event.timeStamp;
  }, { capture: true });

  // Seal round trips over the host WebSocket (browser mode), to split pos:commit into host and local parts.
  const seals = [];
  const watchedSockets = new WeakSet();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.includes('"fiscal.seal"') && data.includes('"chain":"sale"')) {
      const sentAt = performance.now();
      const id = JSON.parse(data).id;
      seals.push({ id, sentAt, repliedAt: null });
      if (!watchedSockets.has(this)) {
        watchedSockets.add(this);
        this.addEventListener('message', (message) => {
          const open = seals.filter((s) => s.repliedAt === null);
          if (open.length === 0 || typeof message.data !== 'string') return;
          const match = /^\{"id":(\d+)/.exec(message.data) || /"id":(\d+)/.exec(message.data);
          const seal = match && open.find((s) => s.id === Number(match[1]));
          if (seal) seal.repliedAt = performance.now();
        });
      }
    }
    return send.call(this, data);
  };

  const watch = (probe, changed) => {
    probe.promise = new Promise((resolve) => { probe.resolve = resolve; });
    probe.observer = new MutationObserver(() => {
      if (probe.mutation !== null || !changed()) return;
      probe.mutation = performance.now();
      probe.observer.disconnect();
      requestAnimationFrame(() => {
        probe.frame = performance.now();
        probe.resolve(true);
      });
    });
    probe.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  const settle = async (probe, timeoutMs) => {
    let timer;
    const ok = await Promise.race([probe.promise, new Promise((resolve) => { timer = setTimeout(resolve, timeoutMs, false); })]);
    clearTimeout(timer);
    probe.observer.disconnect();
    return ok;
  };
  const lastMark = (name, after) => {
    const entries = performance.getEntriesByName(name);
    const last = entries[entries.length - 1];
    return last && after !== null && last.startTime >= after ? last.startTime : null;
  };

  window.__bench = {
    bootState() {
      const boot = document.querySelector('main.boot');
      const status = boot && boot.querySelector('[role=status]');
      const alert = boot && (boot.getAttribute('role') === 'alert' ? boot : boot.querySelector('h1'));
      return {
        ready: document.documentElement.dataset.ready === 'scan',
        status: status ? status.textContent : null,
        alert: alert ? alert.textContent : null,
        signIn: document.querySelector('main.signin') !== null,
        text: document.body ? document.body.innerText.slice(0, 300) : '',
      };
    },
    cartRows() {
      const table = document.querySelector(CART);
      return table ? table.querySelectorAll('tbody tr').length : 0;
    },
    armScan() {
      const before = cartSignature();
      const probe = { enter: null, mutation: null, frame: null, lastKey: null, maxGap: 0 };
      watch(probe, () => probe.enter !== null && cartSignature() !== before);
      scan = probe;
    },
    async scanResult(timeoutMs) {
      const probe = scan;
      const ok = await settle(probe, timeoutMs);
      scan = null;
      return {
        ok,
        enter: probe.enter,
        mutation: probe.mutation,
        frame: probe.frame,
        scanStart: lastMark('pos:scan-start', probe.enter),
        scanAdded: lastMark('pos:scan-added', probe.enter),
        rows: window.__bench.cartRows(),
        maxKeyGap: probe.maxGap,
      };
    },
    resultsShown() {
      return document.querySelector(RESULTS) !== null;
    },
    armSearch() {
      const probe = { input: null, mutation: null, frame: null };
      watch(probe, () => {
        const list = document.querySelector(RESULTS);
        return probe.input !== null && list !== null && list.children.length > 0;
      });
      search = probe;
    },
    async searchResult(timeoutMs) {
      const probe = search;
      const ok = await settle(probe, timeoutMs);
      search = null;
      const list = document.querySelector(RESULTS);
      const items = list ? Array.from(list.querySelectorAll('li button')).map((b) => ({
        name: b.querySelector('.result-name') ? b.querySelector('.result-name').textContent : '',
        sku: b.querySelector('.result-sku') ? b.querySelector('.result-sku').textContent : '',
      })) : [];
      // The database part: the till's own measure for the query this input started.
      const measures = performance.getEntriesByName('pos:search-query');
      const last = measures[measures.length - 1];
      const dbMs = last && probe.input !== null && last.startTime >= probe.input ? last.duration : null;
      return { ok, input: probe.input, mutation: probe.mutation, frame: probe.frame, results: items.length, dbMs, items };
    },
    async countCatalog() {
      const databases = await indexedDB.databases();
      const found = databases.find((d) => d.name && d.name.startsWith('pos-catalog-'));
      if (!found || !found.name) return null;
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(found.name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const products = await new Promise((resolve, reject) => {
          const request = db.transaction('products', 'readonly').objectStore('products').count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        return { name: found.name, products };
      } finally {
        db.close();
      }
    },
    readyMark() {
      const mark = performance.getEntriesByName('pos:ready-to-scan')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        ready: mark ? mark.startTime : null,
        responseEnd: nav ? nav.responseEnd : 0,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0,
        fcp: fcp ? fcp.startTime : null,
      };
    },
    commits() {
      return performance.getEntriesByName('pos:commit').map((e) => {
        const end = e.startTime + e.duration;
        const seal = seals.find((s) => s.sentAt >= e.startTime && s.sentAt <= end && s.repliedAt !== null && s.repliedAt <= end);
        return { total: e.duration, seal: seal ? seal.repliedAt - seal.sentAt : null, local: seal ? end - seal.repliedAt : null };
      });
    },
    measures(name) {
      return performance.getEntriesByName(name).map((e) => e.duration);
    },
    clearMeasures(name) {
      performance.clearMeasures(name);
    },
    heap() {
      return performance.memory ? performance.memory.usedJSHeapSize : null;
    },
  };
})();`;
