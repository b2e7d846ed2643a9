/**
 * Where the time of a scan and of a search goes: not a figure of the benchmark, a tool to read
 * when one misses its target. On the cached catalog of run.ts it
 *  1. times the catalog's IndexedDB requests alone, in a quiet page, the way the till makes them
 *     and the cheaper ways (raw IndexedDB, no Dexie);
 *  2. times every IndexedDB call of the page during scans: typed through DevTools as run.ts does,
 *     then dispatched inside the page (no input pipeline), to tell the lookup from the waiting;
 *  3. records a Chromium trace and a V8 CPU profile while scanning and searching, and sums the
 *     renderer main thread's work inside each scan (Enter → next frame) and each search (input →
 *     next frame) by trace event, lists the main-thread tasks of the first three, and the
 *     JavaScript functions that cost the most (the bundle is minified: names are short).
 *
 *   node_modules/.bin/tsx bench/till/profile.ts [--products 300000] [--samples scans=60,searches=60]
 *   BENCH_CHROMIUM_ARGS="--disable-features=DeferRendererTasksAfterInput" … to try a Chromium flag
 *   (run.ts reads the same variable).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import { parseOptions } from './options';
import type { BenchWindow } from './page-probe';
import { bootTill, cleanSaleScreen, scanMeasured, scanPicker, searchBox, searchQueries, voidCart, type Log } from './phases';
import { summarize } from './stats';
import {
  benchCache,
  choosePort,
  firstPage,
  installCleanup,
  launchBrowser,
  prepareCache,
  readCacheState,
  startHost,
  stopAll,
} from './till-rig';

const log: Log = (line) => process.stdout.write(`${line}\n`);

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
};
type Window = { readonly from: number; readonly to: number };

/** In-page timings of catalog requests, without Dexie: what each kind of request costs on this catalog. */
const DB_COSTS = String.raw`async ({ codes, prefixes }) => {
  const databases = await indexedDB.databases();
  const name = databases.map((d) => d.name).find((n) => n && n.startsWith('pos-catalog-'));
  const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const index = (name) => db.transaction('products', 'readonly').objectStore('products').index(name);
  const range = (p) => IDBKeyRange.bound(p, p + '\uffff');
  const walk = (source, keyRange, limit) => new Promise((resolve, reject) => {
    const seen = new Set(); const out = []; const r = source.openCursor(keyRange);
    r.onerror = () => reject(r.error);
    r.onsuccess = () => { const c = r.result; if (!c || out.length >= limit) return resolve(out); if (!seen.has(c.primaryKey)) { seen.add(c.primaryKey); out.push(c.value); } c.continue(); };
  });
  const time = async (list, f) => { const out = []; for (const x of list) { const t = performance.now(); await f(x); out.push(performance.now() - t); } return out; };
  const result = {};
  result['barcode: index.get (one request)'] = await time(codes, (c) => req(index('barcodes').get(c)));
  result['words: cursor, 20 distinct (as Dexie distinct().filter().limit())'] = await time(prefixes, (p) => walk(index('words'), range(p), 20));
  result['words: getAll(range, 20) (one request)'] = await time(prefixes, (p) => req(index('words').getAll(range(p), 20)));
  result['sku: getAll(UPPER range, 20)'] = await time(prefixes, (p) => req(index('sku').getAll(range(p.toUpperCase()), 20)));
  result['all three as the till runs them, cursor words + sku getAll'] = await time(prefixes, (p) => Promise.all([walk(index('words'), range(p), 20), req(index('sku').getAll(range(p.toUpperCase()), 20))]));
  db.close();
  return result;
}`;

/** Every IndexedDB request and transaction of the page, with when it was made and when it answered. */
const IDB_HOOK = String.raw`(() => {
  const log = [];
  window.__idb = log;
  const wrap = (proto, method, kind) => {
    const original = proto[method];
    proto[method] = function (...args) {
      const request = original.apply(this, args);
      const source = this.objectStore ? this.objectStore.transaction.db.name + '/' + this.objectStore.name + '.' + this.name : this.transaction.db.name + '/' + this.name;
      const entry = { kind, method, source, issuedAt: performance.now(), doneAt: null };
      log.push(entry);
      request.addEventListener('success', () => { if (entry.doneAt === null) entry.doneAt = performance.now(); });
      return request;
    };
  };
  for (const m of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count']) { wrap(IDBIndex.prototype, m, 'read'); wrap(IDBObjectStore.prototype, m, 'read'); }
  for (const m of ['put', 'add', 'delete']) wrap(IDBObjectStore.prototype, m, 'write');
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    const entry = { kind: 'tx', method: mode + (options && options.durability ? '/' + options.durability : ''), source: this.name + '/' + [].concat(stores).join('+'), issuedAt: performance.now(), doneAt: null };
    log.push(entry);
    tx.addEventListener('complete', () => { entry.doneAt = performance.now(); });
    return tx;
  };
})();`;

/** A scan dispatched from inside the page (untrusted key events 2 ms apart): no DevTools round trip per key. */
const SYNTHETIC_SCAN = String.raw`async (code) => {
  const target = document.activeElement || document.body;
  const send = (key) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  for (const ch of code) { send(ch); await new Promise((r) => setTimeout(r, 2)); }
  send('Enter');
}`;

type IdbEntry = { kind: string; method: string; source: string; issuedAt: number; doneAt: number | null };

/** Scans with every IndexedDB call timed: where between Enter and the line the catalog lookup sits, and what else runs. */
async function scanTimeline(page: Page, products: number, count: number, synthetic = false): Promise<void> {
  await cleanSaleScreen(page, log);
  const pick = scanPicker(products, 555);
  const totals = { total: [] as number[], toDom: [] as number[] };
  const parts = { toLookup: [] as number[], lookup: [] as number[], afterLookup: [] as number[], otherIdb: [] as number[] };
  const examples: string[] = [];
  for (let i = 0; i < count; i++) {
    let r;
    if (synthetic) {
      await page.evaluate(() => (window as unknown as BenchWindow).__bench.armScan());
      await page.evaluate(`(${SYNTHETIC_SCAN})(${JSON.stringify(pick().code)})`);
      r = await page.evaluate(() => (window as unknown as BenchWindow).__bench.scanResult(5000));
    } else r = await scanMeasured(page, pick().code);
    const entries = await page.evaluate(() => (window as unknown as { __idb: IdbEntry[] }).__idb.splice(0));
    if (!r.ok || r.enter === null || r.frame === null || r.scanStart === null || r.scanAdded === null) continue;
    const lookup = entries.find((e) => e.kind === 'read' && e.source.includes('barcodes') && e.issuedAt >= r.scanStart!);
    if (!lookup || lookup.doneAt === null) continue;
    totals.total.push(r.frame - r.enter);
    if (r.mutation !== null) totals.toDom.push(r.mutation - r.enter);
    parts.toLookup.push(lookup.issuedAt - r.scanStart);
    parts.lookup.push(lookup.doneAt - lookup.issuedAt);
    parts.afterLookup.push(r.scanAdded - lookup.doneAt);
    parts.otherIdb.push(entries.filter((e) => e !== lookup && e.issuedAt >= r.enter! - 50 && e.issuedAt <= r.frame!).length);
    if (examples.length < 4) {
      const rel = (t: number | null) => (t === null ? '—' : (t - r.enter!).toFixed(1));
      examples.push(
        [
          `  scan ${i + 1}: Enter 0, handler ${rel(r.scanStart)}, line added ${rel(r.scanAdded)}, DOM ${rel(r.mutation)}, frame ${rel(r.frame)}`,
          ...entries
            .filter((e) => e.issuedAt >= r.enter! - 50)
            .map(
              (e) =>
                `      ${e.kind.padEnd(5)} ${e.method.padEnd(22)} ${e.source.padEnd(48)} issued ${rel(e.issuedAt)} → done ${rel(e.doneAt)}`,
            ),
        ].join('\n'),
      );
    }
    await sleep(120);
  }
  await voidCart(page);
  log(
    `\nScan timeline with every IndexedDB call timed (page clock, ms), ${synthetic ? 'keys dispatched inside the page (no DevTools round trips)' : 'keys typed through DevTools as run.ts does'}:`,
  );
  log(summaryLine('Enter → next frame (scan_to_line_ms)', totals.total));
  log(summaryLine('Enter → line in the DOM', totals.toDom));
  log(summaryLine('handler (pos:scan-start) → barcode request issued', parts.toLookup));
  log(summaryLine('barcode request issued → success event', parts.lookup));
  log(summaryLine('success event → line added (pos:scan-added)', parts.afterLookup));
  log(summaryLine('other IndexedDB calls between Enter and the frame (count)', parts.otherIdb));
  log('  examples (times from the Enter keydown):');
  for (const e of examples) log(e);
}

function summaryLine(name: string, values: readonly number[]): string {
  const s = summarize(values);
  return `  ${name.padEnd(66)} median ${s.median.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  max ${s.max.toFixed(1).padStart(6)}  N ${s.n}`;
}

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'IndexedDB'].join(
      ',',
    ),
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/**
 * Exclusive (self) time per trace event name on the renderer main thread inside the windows,
 * and how much of each window the main thread was busy at all.
 */
function mainThreadBreakdown(
  events: readonly TraceEvent[],
  anchorMark: string,
  anchorTimes: readonly number[],
  windows: readonly Window[],
) {
  const marks = events.filter((e) => e.name === anchorMark && e.cat.includes('user_timing')).sort((a, b) => a.ts - b.ts);
  const mark = marks[0];
  if (!mark || anchorTimes.length === 0) throw new Error(`no ${anchorMark} mark in the trace`);
  const offsetUs = mark.ts - anchorTimes[0]! * 1000; // trace µs = page ms × 1000 + offset
  const threadNames = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const main = threadNames.find((e) => e.pid === mark.pid && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const onMain = events
    .filter((e) => e.ph === 'X' && e.pid === mark.pid && (!main || e.tid === main.tid))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const ranges = windows.map((w) => ({ from: w.from * 1000 + offsetUs, to: w.to * 1000 + offsetUs }));
  const inside = (ts: number) => ranges.some((r) => ts >= r.from && ts < r.to);
  const self = new Map<string, number>();
  const stack: { end: number; name: string; childDur: number; dur: number; ts: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      if (inside(done.ts)) self.set(done.name, (self.get(done.name) ?? 0) + (done.dur - done.childDur));
    }
  };
  let busy = 0;
  // The first windows in detail: each top-level task on the main thread and what it contained.
  const detail = ranges.slice(0, 3).map((r) => ({ r, tasks: [] as { at: number; dur: number; names: Set<string> }[] }));
  for (const e of onMain) {
    close(e.ts);
    const dur = e.dur ?? 0;
    const data = e.args?.data as { functionName?: string; type?: string; url?: string } | undefined;
    const name =
      e.name === 'FunctionCall'
        ? `FunctionCall ${String(data?.functionName ?? '')}`.trim()
        : e.name === 'EventDispatch'
          ? `EventDispatch ${String(data?.type ?? '')}`
          : e.name;
    if (stack.length === 0) {
      // A top-level task: its part inside a window is busy time.
      for (const r of ranges) busy += Math.max(0, Math.min(e.ts + dur, r.to) - Math.max(e.ts, r.from));
      for (const d of detail)
        if (e.ts + dur > d.r.from && e.ts < d.r.to && dur >= 100)
          d.tasks.push({ at: (e.ts - d.r.from) / 1000, dur: dur / 1000, names: new Set() });
    } else {
      stack.at(-1)!.childDur += dur;
      for (const d of detail) {
        const task = d.tasks.at(-1);
        if (task && e.ts >= d.r.from + task.at * 1000 && e.ts < d.r.from + (task.at + task.dur) * 1000 && task.names.size < 8 && dur >= 200)
          task.names.add(name);
      }
    }
    stack.push({ end: e.ts + dur, name, childDur: 0, dur, ts: e.ts });
  }
  close(Number.POSITIVE_INFINITY);
  const details = detail.map((d, i) => [
    `  window ${i + 1} (${((d.r.to - d.r.from) / 1000).toFixed(1)} ms): main-thread tasks ≥ 0.1 ms, from the window's start (ms)`,
    ...d.tasks.map((t) => `    at ${t.at.toFixed(1).padStart(6)}  ${t.dur.toFixed(1).padStart(5)} ms  ${[...t.names].join(' › ')}`),
  ]);
  const total = ranges.reduce((sum, r) => sum + (r.to - r.from), 0);
  const idb = events.filter((e) => e.ph === 'X' && e.cat.includes('IndexedDB') && inside(e.ts));
  const idbByName = new Map<string, number>();
  for (const e of idb) idbByName.set(e.name, (idbByName.get(e.name) ?? 0) + (e.dur ?? 0));
  return { windows: ranges.length, ranges, details, totalMs: total / 1000, busyMs: busy / 1000, self, idbByName };
}

function printBreakdown(title: string, b: ReturnType<typeof mainThreadBreakdown>): void {
  const per = (us: number) => (us / 1000 / b.windows).toFixed(2);
  log(
    `\n${title}: ${b.windows} windows, ${(b.totalMs / b.windows).toFixed(1)} ms each on average, main thread busy ${(b.busyMs / b.windows).toFixed(1)} ms of it`,
  );
  log('  renderer main thread, self time per window (ms), top 18:');
  for (const [name, us] of [...b.self].sort((a, c) => c[1] - a[1]).slice(0, 18)) log(`    ${per(us).padStart(7)}  ${name}`);
  for (const lines of b.details) for (const line of lines) log(line);
  if (b.idbByName.size) {
    log('  IndexedDB trace events inside the windows (any thread, ms per window):');
    for (const [name, us] of [...b.idbByName].sort((a, c) => c[1] - a[1]).slice(0, 8)) log(`    ${per(us).padStart(7)}  ${name}`);
  }
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/**
 * V8 samples inside the windows only (profile and trace share one clock): self time per function,
 * and inclusive time (the function anywhere on the stack), per window.
 */
function printCpuProfile(title: string, profile: CpuProfile, ranges: readonly Window[]): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return functionName.startsWith('(') ? functionName : `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (!ranges.some((r) => t >= r.from && t < r.to)) return;
    const node = byId.get(id);
    if (!node) return;
    self.set(label(node), (self.get(label(node)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) seen.add(label(n));
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .filter(([n]) => !['(idle)', '(program)', '(root)'].includes(n))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k);
  log(`\n${title}: V8 samples inside the windows, ms per window`);
  log('  self time, top 12:');
  for (const [name, us] of top(self, 12)) log(`    ${(us / 1000 / ranges.length).toFixed(2).padStart(7)}  ${name}`);
  log('  inclusive time (anywhere on the stack), top 12:');
  for (const [name, us] of top(inclusive, 12)) log(`    ${(us / 1000 / ranges.length).toFixed(2).padStart(7)}  ${name}`);
}

async function profileScans(page: Page, cdp: CDPSession, products: number, count: number): Promise<void> {
  const pick = scanPicker(products, 777);
  await cleanSaleScreen(page, log);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const t0 = await page.evaluate(() => performance.now());
  const stopTrace = await startTrace(cdp);
  await cdp.send('Profiler.start');
  const windows: Window[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 25 === 0) {
      await voidCart(page);
      await searchBox(page).focus();
    }
    const r = await scanMeasured(page, pick().code);
    if (r.ok && r.enter !== null && r.frame !== null) windows.push({ from: r.enter, to: r.frame });
    await sleep(120);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const events = await stopTrace();
  await voidCart(page);
  // The first scan-start mark of the trace anchors trace time to page time.
  const starts = await page.evaluate(
    (from) =>
      performance
        .getEntriesByName('pos:scan-start')
        .map((e) => e.startTime)
        .filter((t) => t >= from),
    t0,
  );
  const breakdown = mainThreadBreakdown(events, 'pos:scan-start', starts, windows);
  printBreakdown('Scans (Enter keydown → next frame after the line is in the DOM)', breakdown);
  printCpuProfile('Scans', profile, breakdown.ranges);
}

async function profileSearches(page: Page, cdp: CDPSession, products: number, count: number): Promise<void> {
  const box = searchBox(page);
  await page.evaluate(() => performance.clearMeasures('pos:search-query'));
  const stopTrace = await startTrace(cdp);
  await cdp.send('Profiler.start');
  const windows: Window[] = [];
  for (const query of searchQueries(products, count, 4242)) {
    await box.fill('');
    await page.waitForFunction(() => !(window as unknown as BenchWindow).__bench.resultsShown());
    await page.evaluate(() => (window as unknown as BenchWindow).__bench.armSearch());
    await page.keyboard.insertText(query);
    const r = await page.evaluate(() => (window as unknown as BenchWindow).__bench.searchResult(5000));
    if (r.ok && r.input !== null && r.frame !== null) windows.push({ from: r.input, to: r.frame });
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const events = await stopTrace();
  await box.fill('');
  const starts = await page.evaluate(() => performance.getEntriesByName('pos:search-query').map((e) => e.startTime));
  const breakdown = mainThreadBreakdown(events, 'pos:search-query', starts, windows);
  printBreakdown('Searches (input event → next frame after the results are in the DOM)', breakdown);
  printCpuProfile('Searches', profile, breakdown.ranges);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  installCleanup(log);
  const cache = benchCache(options.products);
  const state = await readCacheState(cache);
  if ((await prepareCache(cache)) === 'fresh' || !state) log('no cached catalog yet: this imports it first (run.ts does the same)');
  const port = await choosePort(options.port ?? state?.port ?? 5199, log);
  const till = await startHost({ cache, port, products: options.products });
  const context = await launchBrowser(cache.profileDir);
  const page = await firstPage(context);
  await bootTill(page, till.url, log);

  const pick = scanPicker(options.products, 99);
  const codes = Array.from({ length: 200 }, () => pick().code);
  const prefixes = searchQueries(options.products, 200, 99);
  const costs = (await page.evaluate(`(${DB_COSTS})(${JSON.stringify({ codes, prefixes })})`)) as Record<string, number[]>;
  log(`Catalog requests alone, raw IndexedDB in a quiet page (${options.products.toLocaleString('en')} products; ms):`);
  for (const [name, values] of Object.entries(costs)) log(summaryLine(name, values));

  await page.context().addInitScript({ content: IDB_HOOK });
  await page.reload();
  await page.locator('html[data-ready="scan"]').waitFor();
  await scanTimeline(page, options.products, Math.min(options.samples.scans, 100));
  await scanTimeline(page, options.products, Math.min(options.samples.scans, 100), true);

  const cdp = await context.newCDPSession(page);
  await profileScans(page, cdp, options.products, Math.min(options.samples.scans, 100));
  await profileSearches(page, cdp, options.products, Math.min(options.samples.searches, 100));
  await cdp.detach();
}

try {
  await main();
} catch (error) {
  log(`profile: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
