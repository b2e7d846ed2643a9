/**
 * The till's scale benchmark (issue 2, "Scale"): a generated catalog of N products in the
 * browser's IndexedDB (seeded once, cached under .cache/bench-till/), the real till host in
 * browser mode, Debian's Chromium driven by playwright-core. Prints figures; asserts nothing.
 *
 *   npm run bench:till -- [--json] [--products 300000] [--samples ready=15,scans=300,...]
 */
import { cpus } from 'node:os';
import { parseOptions, type BenchOptions } from './options';
import {
  bootTill,
  catalogCount,
  heapUsed,
  measureColdReady,
  measureCommits,
  measureReady,
  measureScans,
  measureSearches,
  TillUnusableError,
  type Log,
} from './phases';
import { formatTable, timingRecord, type TimingRecord, type ValueRecord } from './stats';
import {
  benchCache,
  chromiumVersion,
  choosePort,
  firstPage,
  installCleanup,
  launchBrowser,
  prepareCache,
  readCacheState,
  startHost,
  stopAll,
  writeCacheState,
} from './till-rig';

const DEFAULT_PORT = 5199;
const log: Log = (line) => process.stderr.write(`${line}\n`);

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

async function run(options: BenchOptions): Promise<void> {
  const { products, samples } = options;
  const cache = benchCache(products);
  const cacheState = await readCacheState(cache);
  const reuse = await prepareCache(cache);
  const port = await choosePort(options.port ?? cacheState?.port ?? DEFAULT_PORT, log);
  log(
    `bench:till — ${products.toLocaleString('en')} products, cache ${cache.dir} (${reuse === 'reused' ? 'reused' : 'new'}), port ${port}`,
  );

  let till;
  try {
    till = await startHost({ cache, port, products });
  } catch (error) {
    throw new TillUnusableError(`the till host did not start: ${(error as Error).message}`);
  }
  const url = till.url;
  let context;
  try {
    context = await launchBrowser(cache.profileDir);
  } catch (error) {
    throw new TillUnusableError(`Chromium did not start on ${cache.profileDir}: ${(error as Error).message.split('\n')[0]}`);
  }
  let page = await firstPage(context);

  // 1. Seed (first run for this size and port) or reuse, and sign the cashier in.
  if (!cacheState || cacheState.port !== port) await writeCacheState(cache, { products, port });
  const boot = await bootTill(page, url, log);
  if (boot.importMs !== null) {
    await writeCacheState(cache, {
      products,
      port,
      importedAt: new Date().toISOString(),
      importMs: boot.importMs,
      importResumed: boot.importResumed,
    });
    log(
      `  first start with import: ${(boot.firstStartMs / 1000).toFixed(1)} s in all${boot.importResumed ? ' (an interrupted import resumed)' : ''}`,
    );
  }
  const chromium = chromiumVersion();
  const catalog = await catalogCount(page);
  log(`  catalog in the browser: ${catalog ? `${catalog.products.toLocaleString('en')} products (${catalog.name})` : 'none found'}`);

  // 2. Ready to scan: fresh page loads, cashier signed in; then first loads after a browser launch.
  log(`ready to scan: ${samples.ready} page loads…`);
  const ready = await measureReady(context, url, samples.ready, log);
  page = ready.page;
  const cold = await measureColdReady(cache.profileDir, url, samples.coldReady, log);
  if (cold.page) {
    page = cold.page;
    context = page.context();
  }

  // 3. Scans across the whole catalog, voiding every 25 lines.
  log(`scan → line: ${samples.scans} scans…`);
  const scans = await measureScans(page, { products, count: samples.scans, seed: options.seed, gapMs: options.scanGapMs, log });
  const heap = await heapUsed(page);
  const held = await measureScans(page, {
    products,
    count: samples.heldScans,
    seed: options.seed ^ 0x4e1d,
    gapMs: options.scanGapMs,
    log,
    focusOutside: true,
  });

  // 4. Name search.
  log(`search: ${samples.searches} queries…`);
  const searches = await measureSearches(page, { products, count: samples.searches, seed: options.seed, log });

  // 5. Completed sales.
  log(`commit: ${samples.sales} sales…`);
  const commits = await measureCommits(page, { products, count: samples.sales, seed: options.seed, log });

  const rows = [
    { name: 'ready_to_scan_ms', values: ready.values, target: 'informative target < 1000' },
    { name: '  first load after browser launch', values: cold.values },
    { name: 'scan_to_line_ms', values: scans.total, target: 'p95 < 16' },
    { name: '  Enter → line in the DOM', values: scans.toDom },
    { name: '  Enter → scan handler', values: scans.toHandler },
    { name: '  lookup + add (pos:scan-*)', values: scans.lookup },
    { name: '  store → DOM (React)', values: scans.render },
    { name: '  DOM → next frame (rAF)', values: scans.toFrame },
    { name: '  focus outside the search box: Enter → next frame', values: held.total },
    { name: '  focus outside the search box: Enter → DOM', values: held.toDom },
    { name: 'search_ms', values: searches.total, target: 'p95 < 20' },
    { name: '  DB only (pos:search-query)', values: searches.db },
    { name: '  input → DOM', values: searches.toDom },
    { name: '  DOM → next frame (rAF)', values: searches.toFrame },
    { name: 'commit_ms', values: commits.commit, target: 'p95 < 30' },
    { name: '  seal round trip (host)', values: commits.seal },
    { name: '  after the seal (RxDB strict)', values: commits.local },
  ];
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(
    `Till benchmark — ${products.toLocaleString('en')} products requested; browser mode, ${chromium} headless, ${cpus().length} CPUs (ms)`,
  );
  out(formatTable(rows));
  out();
  out(`catalog_products: ${catalog?.products ?? 0} (counted in the browser's IndexedDB)`);
  out(`JS heap used after ${scans.total.length} scans: ${mb(heap.before)} (after a forced GC: ${mb(heap.afterGc)})`);
  const imported =
    boot.importMs !== null
      ? { ms: boot.importMs, resumed: boot.importResumed, when: 'this run' }
      : cacheState?.importMs
        ? {
            ms: cacheState.importMs,
            resumed: cacheState.importResumed ?? false,
            when: `${cacheState.importedAt ?? 'an earlier run'}, cached since`,
          }
        : null;
  if (imported)
    out(
      `catalog import (first start): ${(imported.ms / 1000).toFixed(1)} s (${imported.when}${imported.resumed ? '; resumed an interrupted import, so partial' : ''})`,
    );
  if (scans.failures.length) out(`failed scans (${scans.failures.length}):\n  ${scans.failures.join('\n  ')}`);
  if (held.failures.length) out(`failed scans, focus outside the search box (${held.failures.length}):\n  ${held.failures.join('\n  ')}`);
  if (searches.failures.length) out(`failed searches (${searches.failures.length}):\n  ${searches.failures.join('\n  ')}`);
  if (searches.empty.length) out(`queries with no result (${searches.empty.length}): ${searches.empty.slice(0, 10).join(', ')}`);
  if (searches.unexpected.length)
    out(`results not matching their query (${searches.unexpected.length}): ${searches.unexpected.slice(0, 5).join('; ')}`);
  if (commits.failures.length) out(`failed sale scans (${commits.failures.length}):\n  ${commits.failures.join('\n  ')}`);

  if (options.json) {
    const records: (TimingRecord | ValueRecord)[] = [
      timingRecord('ready_to_scan_ms', ready.values),
      timingRecord('scan_to_line_ms', scans.total),
      timingRecord('search_ms', searches.total),
      timingRecord('commit_ms', commits.commit),
      { name: 'catalog_products', value: catalog?.products ?? 0 },
    ];
    out(JSON.stringify(records));
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    log(`bench:till: ${(error as Error).message}`);
    return 2;
  }
  installCleanup(log);
  try {
    await run(options);
    return 0;
  } catch (error) {
    const message = error instanceof TillUnusableError ? error.message : ((error as Error).stack ?? String(error));
    log(`bench:till: cannot measure — ${message}`);
    return 1;
  } finally {
    await stopAll();
  }
}

process.exitCode = await main();
