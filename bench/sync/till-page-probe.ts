/**
 * The till page as bench:sync reads it in Chromium: its catalog import's progress and its Dexie
 * products, through a script added to every page (raw IndexedDB, never a second Dexie), and the
 * browser it runs in.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/browser';
import { PROBE_SCRIPT, type BenchWindow } from '../till/page-probe';
import type { BulkPutApi } from './bulkput-page';
import { log, onCleanup } from './rig';

export const STORE = 'S001';
export const TILL = 'T01';
export const CATALOG_DB = `pos-catalog-${STORE}-${TILL}`;

type ImportState = { imported: number; total: number; done: boolean } | null;

type SyncBenchApi = {
  importState(dbName: string): Promise<ImportState>;
  /** Starts polling the till's Dexie product `id` (every 2 ms) until its price is `price`. */
  arm(dbName: string, id: string, price: number): Promise<void>;
  /** Date.now() of the page when the armed price was seen; null after `timeoutMs`. */
  seen(timeoutMs: number): Promise<number | null>;
};
export type SyncBenchWindow = Window & { __syncBench: SyncBenchApi; __bulkPut: BulkPutApi };

/** Plain JavaScript for the page (see bench/till/page-probe.ts on why it is text). Raw IndexedDB, never a second Dexie. */
const SYNC_PROBE_SCRIPT = String.raw`(() => {
  if (window.__syncBench) return;
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  let conn = null;
  let connName = null;
  const connect = async (name) => {
    if (conn && connName === name) return conn;
    const all = await indexedDB.databases();
    if (!all.some((d) => d.name === name)) return null;
    conn = await request(indexedDB.open(name));
    connName = name;
    conn.onversionchange = () => { conn.close(); conn = null; };
    return conn;
  };
  const get = (db, store, key) => request(db.transaction(store, 'readonly').objectStore(store).get(key));
  let watch = null;
  window.__syncBench = {
    async importState(name) {
      const db = await connect(name);
      if (!db || !db.objectStoreNames.contains('meta')) return null;
      const record = await get(db, 'meta', 'import');
      return record ? record.value : null;
    },
    async arm(name, id, price) {
      const db = await connect(name);
      if (!db) throw new Error('no database ' + name);
      const w = { cancelled: false, promise: null };
      w.promise = new Promise((resolve) => {
        const tick = async () => {
          if (w.cancelled) return resolve(null);
          const product = await get(db, 'products', id);
          if (product && product.price === price) return resolve(Date.now());
          setTimeout(tick, 2);
        };
        tick();
      });
      watch = w;
    },
    async seen(timeoutMs) {
      const w = watch;
      let timer;
      const result = await Promise.race([w.promise, new Promise((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); })]);
      clearTimeout(timer);
      w.cancelled = true;
      return result;
    },
  };
})();`;

export async function launch(profileDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup('Chromium', () => context.close());
  context.on('close', () => void close());
  await context.addInitScript({ content: PROBE_SCRIPT });
  await context.addInitScript({ content: SYNC_PROBE_SCRIPT });
  return context;
}

export async function importState(page: Page): Promise<ImportState> {
  try {
    return await page.evaluate((name) => (window as unknown as SyncBenchWindow).__syncBench.importState(name), CATALOG_DB);
  } catch {
    return null; // navigating
  }
}

export async function bootStatus(page: Page): Promise<string | null> {
  try {
    return (await page.evaluate(() => (window as unknown as BenchWindow).__bench.bootState())).status;
  } catch {
    return null;
  }
}

/** Polls until the till's import record says done; logs progress every 10 s. */
export async function waitImported(
  page: Page,
  products: number,
  started: number,
  label: string,
): Promise<{ doneAt: number; importStartedAt: number | null }> {
  let importStartedAt: number | null = null;
  let lastLog = started;
  let lastImported = -1;
  let lastChange = Date.now();
  for (;;) {
    const state = await importState(page);
    const now = Date.now();
    if (importStartedAt === null && state && state.imported > 0) importStartedAt = now;
    if (importStartedAt === null && (await bootStatus(page))?.startsWith('Import du catalogue')) importStartedAt = now;
    if (state?.done && state.imported >= products) return { doneAt: now, importStartedAt };
    const imported = state?.imported ?? 0;
    if (imported !== lastImported) {
      lastImported = imported;
      lastChange = now;
    } else if (now - lastChange > 180_000) {
      throw new Error(
        `${label}: the import has not moved for 3 minutes (${imported} / ${products}; the page says: ${(await bootStatus(page)) ?? '?'})`,
      );
    }
    if (now - lastLog >= 10_000) {
      log(
        `    ${label}: ${imported.toLocaleString('en')} / ${products.toLocaleString('en')} products after ${((now - started) / 1000).toFixed(0)} s`,
      );
      lastLog = now;
    }
    await sleep(100);
  }
}

export async function countProducts(page: Page): Promise<number> {
  const counted = await page.evaluate(() => (window as unknown as BenchWindow).__bench.countCatalog());
  return counted?.products ?? 0;
}
