import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_WEIGHED_COUNT, demoProduct, normalizeSearchText, type Product } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../../tests/support/till-page';
import type { BenchWindow, ScanProbeResult, SearchProbeResult } from './page-probe';
import { mulberry32 as seededRandom } from '@pos/core/demo/prng';
import { closeBrowser, firstPage, launchBrowser } from './till-rig';

export type Log = (line: string) => void;

const PIN = '1234';
const PROBE_TIMEOUT_MS = 5000;
/** The till imports the catalog in pages of this many products (renderer/src/db/catalog-import.ts). */
const IMPORT_PAGE = 2000;

/** The till cannot be measured at all (it did not start, stays stuck, a page is missing). Anything else is reported, never asserted. */
export class TillUnusableError extends Error {}

async function bootState(page: Page) {
  try {
    return await page.evaluate(() => (window as unknown as BenchWindow).__bench.bootState());
  } catch {
    return null; // navigating
  }
}

/**
 * Opens the till and waits until it can scan: imports the catalog if this profile has none yet
 * (printing progress), signs the cashier in if the host asks. Returns the import time if one ran.
 */
export async function bootTill(
  page: Page,
  url: string,
  log: Log,
): Promise<{ importMs: number | null; importResumed: boolean; firstStartMs: number }> {
  const started = Date.now();
  await page.goto(url);
  let importStart: number | null = null;
  let importMs: number | null = null;
  let importResumed = false;
  let lastStatus = '';
  let lastChange = Date.now();
  let lastLog = 0;
  for (;;) {
    const state = await bootState(page);
    const now = Date.now();
    if (state?.status && state.status.startsWith('Import du catalogue')) {
      if (importStart === null) {
        importStart = now;
        // The till resumes an interrupted import from its checkpoint: then this is not a whole import.
        const imported = Number(/: (\d+) \//.exec(state.status)?.[1] ?? 0);
        importResumed = imported > 2 * IMPORT_PAGE;
      }
      if (now - lastLog >= 10_000) {
        log(`  ${state.status}  [${((now - importStart) / 1000).toFixed(0)} s]`);
        lastLog = now;
      }
    } else if (importStart !== null && importMs === null && state && !state.status) {
      importMs = now - importStart;
      log(`  catalog imported in ${(importMs / 1000).toFixed(1)} s`);
    }
    if (state?.alert) throw new TillUnusableError(`the till shows: ${state.alert}`);
    if (state?.ready) return { importMs, importResumed, firstStartMs: now - started };
    if (state?.signIn) {
      if (importStart !== null && importMs === null) importMs = now - importStart;
      log('  signing in the cashier (PIN 1234)');
      await signIn(page, PIN);
      continue;
    }
    const status = state?.status ?? '';
    if (status !== lastStatus) {
      lastStatus = status;
      lastChange = now;
    } else if (now - lastChange > 180_000) {
      throw new TillUnusableError(`the till has been stuck for 3 minutes on: ${status || JSON.stringify(state?.text ?? '(no page)')}`);
    }
    await sleep(250);
  }
}

async function waitReady(page: Page): Promise<void> {
  try {
    await page.locator('html[data-ready="scan"]').waitFor({ timeout: 60_000 });
  } catch (error) {
    const state = await bootState(page);
    throw new TillUnusableError(`the till did not become ready to scan (${JSON.stringify(state)}): ${(error as Error).message}`);
  }
}

async function readyMark(page: Page): Promise<number> {
  const marks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.readyMark());
  if (marks.ready === null) throw new TillUnusableError('the page is ready to scan but has no pos:ready-to-scan mark');
  return marks.ready;
}

/** Fresh page loads (a new page, then goto) with the cashier already signed in. */
export async function measureReady(
  context: BrowserContext,
  url: string,
  count: number,
  log: Log,
): Promise<{ page: Page; values: number[] }> {
  let page = await firstPage(context);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const next = await context.newPage();
    await page.close();
    page = next;
    await page.goto(url);
    await waitReady(page);
    values.push(await readyMark(page));
    await sleep(300);
  }
  log(`  ready to scan: ${values.map((v) => v.toFixed(0)).join(', ')} ms`);
  return { page, values };
}

/** The very first load after launching a new browser process on the cached profile. */
export async function measureColdReady(
  profileDir: string,
  url: string,
  count: number,
  log: Log,
): Promise<{ page: Page | null; values: number[]; launchMs: number[] }> {
  const values: number[] = [];
  const launchMs: number[] = [];
  let page: Page | null = null;
  for (let i = 0; i < count; i++) {
    await closeBrowser();
    const t0 = Date.now();
    const context = await launchBrowser(profileDir);
    page = await firstPage(context);
    launchMs.push(Date.now() - t0);
    await page.goto(url);
    await waitReady(page);
    values.push(await readyMark(page));
    await sleep(300);
  }
  if (count > 0)
    log(
      `  ready to scan, first load after a browser launch: ${values.map((v) => v.toFixed(0)).join(', ')} ms (browser launch itself: ${launchMs.join(', ')} ms)`,
    );
  return { page, values, launchMs };
}

export function searchBox(page: Page) {
  return page.getByLabel('Rechercher ou scanner');
}

/** Products to scan, spread over the whole catalog; weighed ones open a dialog and are skipped. */
export function scanPicker(products: number, seed: number): () => { index: number; product: Product; code: string } {
  const random = seededRandom(seed);
  return () => {
    for (;;) {
      const index = Math.floor(random() * products);
      if (index < DEMO_WEIGHED_COUNT) continue;
      const product = demoProduct(index);
      if (product.measure === 'weight') continue;
      return { index, product, code: product.barcodes[Math.floor(random() * product.barcodes.length)]! };
    }
  };
}

/** A keyboard-wedge scan measured from the Enter keydown to the frame after the cart changed. */
export async function scanMeasured(page: Page, code: string): Promise<ScanProbeResult> {
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.armScan());
  await page.keyboard.type(code, { delay: 1 });
  await page.keyboard.press('Enter');
  return page.evaluate((timeout) => (window as unknown as BenchWindow).__bench.scanResult(timeout), PROBE_TIMEOUT_MS);
}

async function noticeText(page: Page): Promise<string> {
  const notice = page.locator('.notice');
  return (await notice.count()) > 0 ? ((await notice.first().innerText()).trim().split('\n')[0] ?? '') : '(no notice)';
}

/** Ctrl+Delete, confirmed: the sale is voided (a sealed event) and the cart starts empty. */
export async function voidCart(page: Page): Promise<void> {
  const rows = await page.evaluate(() => (window as unknown as BenchWindow).__bench.cartRows());
  if (rows === 0) return;
  await page.keyboard.press('Control+Delete');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Valider' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.cartRows() === 0, undefined, { timeout: 10_000 });
}

/** Back to a clean sale screen: search panel, empty cart (a cart left by an interrupted run or a failed scan is voided). */
export async function cleanSaleScreen(page: Page, log: Log): Promise<void> {
  await page.keyboard.press('Escape');
  const rows = await page.evaluate(() => (window as unknown as BenchWindow).__bench.cartRows());
  if (rows > 0) {
    log(`  voiding a cart of ${rows} lines left open`);
    await voidCart(page);
  }
  // Digits a split scan left in the search box would prefix the next scan.
  if ((await searchBox(page).count()) > 0) await searchBox(page).fill('');
  await searchBox(page).focus();
}

export type ScanFigures = {
  readonly total: number[];
  readonly toDom: number[];
  readonly toHandler: number[];
  readonly lookup: number[];
  readonly render: number[];
  readonly toFrame: number[];
  readonly failures: string[];
};

/**
 * Scans of random products. With `focusOutside`, the focus is taken out of the search box before
 * each scan: the till then holds the keys (nothing is typed on screen) until Enter — the path of
 * the first scan after a payment, when the receipt panel is shown.
 */
export async function measureScans(
  page: Page,
  options: { products: number; count: number; seed: number; gapMs: number; log: Log; focusOutside?: boolean },
): Promise<ScanFigures> {
  const pick = scanPicker(options.products, options.seed);
  const figures: ScanFigures = { total: [], toDom: [], toHandler: [], lookup: [], render: [], toFrame: [], failures: [] };
  await cleanSaleScreen(page, options.log);
  for (let i = 0; i < options.count; i++) {
    if (i > 0 && i % 25 === 0) {
      await voidCart(page);
      await searchBox(page).focus();
    }
    const { index, code } = pick();
    if (options.focusOutside) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const r = await scanMeasured(page, code);
    if (!r.ok || r.enter === null || r.frame === null || r.mutation === null) {
      const why =
        r.enter === null ? 'no Enter keydown seen' : `cart did not change (longest gap between keys ${r.maxKeyGap.toFixed(0)} ms)`;
      figures.failures.push(`product ${index} (${code}): ${why} — ${await noticeText(page)}`);
      if (figures.failures.length > 10) throw new TillUnusableError(`too many failed scans:\n${figures.failures.join('\n')}`);
      await cleanSaleScreen(page, options.log);
      continue;
    }
    figures.total.push(r.frame - r.enter);
    figures.toDom.push(r.mutation - r.enter);
    figures.toFrame.push(r.frame - r.mutation);
    if (r.scanStart !== null && r.scanAdded !== null) {
      figures.toHandler.push(r.scanStart - r.enter);
      figures.lookup.push(r.scanAdded - r.scanStart);
      figures.render.push(r.mutation - r.scanAdded);
    }
    if ((i + 1) % 100 === 0)
      options.log(`  ${i + 1} / ${options.count} scans${options.focusOutside ? ' (focus outside the search box)' : ''}`);
    await sleep(options.gapMs);
  }
  await voidCart(page);
  return figures;
}

export async function heapUsed(page: Page): Promise<{ before: number | null; afterGc: number | null }> {
  const before = await page.evaluate(() => (window as unknown as BenchWindow).__bench.heap());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const afterGc = await page.evaluate(() => (window as unknown as BenchWindow).__bench.heap());
  return { before, afterGc };
}

/** 2–6 letter prefixes of real words of the catalog's names. */
export function searchQueries(products: number, count: number, seed: number): string[] {
  const random = seededRandom(seed ^ 0x5eed);
  const queries: string[] = [];
  while (queries.length < count) {
    const words = demoProduct(Math.floor(random() * products))
      .name.split(/\s+/)
      .filter((w) => /^\p{L}{2,}$/u.test(w));
    const word = words[Math.floor(random() * words.length)];
    if (!word) continue;
    const length = Math.min(word.length, 2 + Math.floor(random() * 5));
    queries.push(word.slice(0, length).toLowerCase());
  }
  return queries;
}

export type SearchFigures = {
  readonly total: number[];
  readonly db: number[];
  readonly toDom: number[];
  readonly toFrame: number[];
  readonly empty: string[];
  readonly unexpected: string[];
  readonly failures: string[];
};

export async function measureSearches(
  page: Page,
  options: { products: number; count: number; seed: number; log: Log },
): Promise<SearchFigures> {
  const figures: SearchFigures = { total: [], db: [], toDom: [], toFrame: [], empty: [], unexpected: [], failures: [] };
  const box = searchBox(page);
  await cleanSaleScreen(page, options.log);
  for (const query of searchQueries(options.products, options.count, options.seed)) {
    await box.fill('');
    await page.waitForFunction(() => !(window as unknown as BenchWindow).__bench.resultsShown(), undefined, { timeout: 10_000 });
    await page.evaluate(() => (window as unknown as BenchWindow).__bench.armSearch());
    // One input event carrying the whole prefix: one query, as when the cashier pauses after typing it.
    await page.keyboard.insertText(query);
    const r: SearchProbeResult = await page.evaluate(
      (timeout) => (window as unknown as BenchWindow).__bench.searchResult(timeout),
      PROBE_TIMEOUT_MS,
    );
    if (!r.ok || r.input === null || r.mutation === null || r.frame === null) {
      figures.failures.push(`"${query}": ${r.input === null ? 'no input event seen' : 'no results list'}`);
      if (figures.failures.length > 10) throw new TillUnusableError(`too many failed searches:\n${figures.failures.join('\n')}`);
      continue;
    }
    figures.total.push(r.frame - r.input);
    figures.toDom.push(r.mutation - r.input);
    figures.toFrame.push(r.frame - r.mutation);
    if (r.dbMs !== null) figures.db.push(r.dbMs);
    if (r.results === 0) figures.empty.push(query);
    // Sanity: the list shows this query's results (a word of the name starts with it), not the previous one's.
    const wanted = normalizeSearchText(query);
    const stale = r.items.filter(
      (item) =>
        !item.sku.toLowerCase().startsWith(query) &&
        !normalizeSearchText(item.name)
          .split(' ')
          .some((w) => w.startsWith(wanted)),
    );
    if (stale.length > 0)
      figures.unexpected.push(
        `"${query}" → ${stale
          .slice(0, 2)
          .map((item) => item.name)
          .join(' / ')}`,
      );
  }
  await box.fill('');
  return figures;
}

export type CommitFigures = { readonly commit: number[]; readonly seal: number[]; readonly local: number[]; readonly failures: string[] };

/** Complete sales: 1–3 scans, F12, "Montant exact", wait for "Vente terminée"; the next scan starts the next sale. */
export async function measureCommits(
  page: Page,
  options: { products: number; count: number; seed: number; log: Log },
): Promise<CommitFigures> {
  const random = seededRandom(options.seed ^ 0xc0fe);
  const pick = scanPicker(options.products, options.seed ^ 0xbeef);
  const failures: string[] = [];
  await cleanSaleScreen(page, options.log);
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.clearMeasures('pos:commit'));
  for (let sale = 0; sale < options.count; sale++) {
    const items = 1 + Math.floor(random() * 3);
    for (let j = 0; j < items; j++) {
      const { code } = pick();
      const r = await scanMeasured(page, code);
      if (!r.ok) failures.push(`sale ${sale + 1}: scan of ${code} did not change the cart — ${await noticeText(page)}`);
      await sleep(50);
    }
    if ((await page.evaluate(() => (window as unknown as BenchWindow).__bench.cartRows())) === 0) {
      if (failures.length > 10) throw new TillUnusableError(`too many failed sales:\n${failures.join('\n')}`);
      continue;
    }
    await page.keyboard.press('F12');
    const payment = page.getByRole('region', { name: 'Encaissement' });
    await payment.waitFor({ timeout: 10_000 });
    await payment.getByRole('button', { name: 'Montant exact' }).click();
    try {
      await page.getByRole('region', { name: 'Vente terminée' }).waitFor({ timeout: 15_000 });
    } catch {
      throw new TillUnusableError(`sale ${sale + 1} did not complete: ${await noticeText(page)}`);
    }
    if ((sale + 1) % 20 === 0) options.log(`  ${sale + 1} / ${options.count} sales`);
    await sleep(200);
  }
  const commits = await page.evaluate(() => (window as unknown as BenchWindow).__bench.commits());
  return {
    commit: commits.map((c) => c.total),
    seal: commits.flatMap((c) => (c.seal === null ? [] : [c.seal])),
    local: commits.flatMap((c) => (c.local === null ? [] : [c.local])),
    failures,
  };
}

export async function catalogCount(page: Page): Promise<{ name: string; products: number } | null> {
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.countCatalog());
}
