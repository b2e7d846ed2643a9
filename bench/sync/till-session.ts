/**
 * The till side in Chromium: a hub seeded with a generated catalog (serve --demo-products N), a
 * fresh till (the real till host in browser mode, enrolled beforehand the way the launcher enrolls
 * with its embedded hub), and
 *   - catalog_sync_s / catalog_sync_ratio: opening the till page → catalog fully imported, and the
 *     same products bulkPut bare into a scratch Dexie database in the same browser;
 *   - live_propagation_ms: a price changed through the head-office API → the till's Dexie product
 *     has the new price;
 *   - informative: selling during an import (a till that has part of the catalog boots and scans
 *     while the rest arrives).
 */
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_WEIGHED_COUNT, demoProduct } from '@pos/core';
import { mulberry32 } from '@pos/core/demo/prng';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { HostEventBus } from '../../electron/src/host/host-events';
import { loadOrCreateTillKey } from '../../electron/src/host/fiscal/key-store';
import { HubClient } from '../../electron/src/host/hub/hub-client';
import { connectHost } from '../../tests/support/host-socket';
import { issueAdminToken } from '../../sync-server/src/auth/admin-tokens';
import { issueEnrollmentCode } from '../../sync-server/src/auth/enrollment';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { freePort } from '../../tests/support/free-port';
import { scan, signIn, staffTile } from '../../tests/support/till-page';
import { startTill } from '../../tests/support/till-process';
import type { BenchWindow } from '../till/page-probe';
import { voidCart } from '../till/phases';
import type { Part } from './options';
import { distribution, infoRow, single, type Figure } from './records';
import { freshDatabase, hubWarnings, log, onCleanup, startHub, tempDir } from './rig';
import { CATALOG_DB, countProducts, importState, launch, STORE, TILL, waitImported, type SyncBenchWindow } from './till-page-probe';

/** The till runs on a real hub (no demo staff): its first manager is set up with this PIN. */
const PIN = '4071';
const MANAGER = 'Bench manager';

export type SessionOptions = {
  readonly run: string;
  readonly products: number;
  readonly changes: number;
  readonly skip: ReadonlySet<Part>;
  readonly logDir: string;
};
export type SessionResult = {
  readonly figures: Figure[];
  readonly rows: { name: string; values: readonly number[] }[];
  readonly lines: string[];
};

/** The bare bulkPut page: esbuild bundle of bulkput-page.ts, served on a port of its own (its own origin, its own IndexedDB). */
async function serveBulkPutPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'bulkput-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = http.createServer((request, response) => {
    if (request.url === '/bulkput.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><meta charset="utf-8"><title>bare bulkPut</title><script src="/bulkput.js"></script>');
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = onCleanup('bulkPut page server', () => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}/`, close };
}

async function bareBulkPut(context: BrowserContext, products: number): Promise<{ bulkPutMs: number; wallMs: number; count: number }> {
  const server = await serveBulkPutPage();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.evaluate((n) => (window as unknown as SyncBenchWindow).__bulkPut.start(n), products);
    let lastLog = Date.now();
    for (;;) {
      await sleep(250);
      const p = await page.evaluate(() => (window as unknown as SyncBenchWindow).__bulkPut.progress());
      if (p.error) throw new Error(`bare bulkPut failed: ${p.error}`);
      if (p.finished) {
        await page.evaluate(() => (window as unknown as SyncBenchWindow).__bulkPut.drop());
        return { bulkPutMs: p.bulkPutMs, wallMs: p.wallMs, count: p.count };
      }
      if (Date.now() - lastLog > 10_000) {
        log(
          `    bare bulkPut: ${p.done.toLocaleString('en')} / ${products.toLocaleString('en')} (${(p.bulkPutMs / 1000).toFixed(0)} s in bulkPut)`,
        );
        lastLog = Date.now();
      }
    }
  } finally {
    await page.close();
    await server.close();
  }
}

/** Price changes through PATCH /api/v1/admin/products/:id, each timed until the till's Dexie has it. */
async function livePropagation(page: Page, options: { hubUrl: string; adminToken: string; products: number; changes: number }) {
  const random = mulberry32(0x11fe);
  const latencies: number[] = [];
  const hubWrites: number[] = [];
  const missed: string[] = [];
  const used = new Set<number>();
  for (let i = 0; i < options.changes; i++) {
    let index = DEMO_WEIGHED_COUNT + Math.floor(random() * (options.products - DEMO_WEIGHED_COUNT));
    while (used.has(index)) index = DEMO_WEIGHED_COUNT + ((index + 1 - DEMO_WEIGHED_COUNT) % (options.products - DEMO_WEIGHED_COUNT));
    used.add(index);
    const product = demoProduct(index);
    const price = product.price + 10 * (i + 1);
    await page.evaluate(([name, id, p]) => (window as unknown as SyncBenchWindow).__syncBench.arm(name, id, p), [
      CATALOG_DB,
      product.id,
      price,
    ] as const);
    const sentAt = Date.now();
    const response = await fetch(new URL(`/api/v1/admin/products/${product.id}`, options.hubUrl), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${options.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ price }),
    });
    const body = await response.text();
    hubWrites.push(Date.now() - sentAt);
    if (response.status !== 200) throw new Error(`PATCH ${product.id} answered ${response.status}: ${body.slice(0, 300)}`);
    const seenAt = await page.evaluate((t) => (window as unknown as SyncBenchWindow).__syncBench.seen(t), 10_000);
    if (seenAt === null) missed.push(product.id);
    else latencies.push(seenAt - sentAt);
    await sleep(200 + Math.floor(random() * 400));
  }
  return { latencies, hubWrites, missed };
}

/**
 * Informative: a till whose import was interrupted (page reloaded at a quarter) boots with what it
 * has, the cashier signs in and scans products already imported while the rest arrives in the
 * background. A fresh browser profile: the import starts from nothing.
 */
/** Selling during an import: lines per customer, and the pause before the next one. */
const CUSTOMER_LINES = 10;
const BETWEEN_CUSTOMERS_MS = 5000;

async function sellDuringImport(profileDir: string, tillUrl: string, products: number) {
  const context = await launch(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const started = Date.now();
  await page.goto(tillUrl);
  let atReload = 0;
  for (;;) {
    const state = await importState(page);
    if (state && state.imported >= products / 4) {
      atReload = state.imported;
      break;
    }
    if (Date.now() - started > 10 * 60_000)
      throw new Error('selling during an import: a quarter of the catalog did not arrive in 10 minutes');
    await sleep(100);
  }
  const reloadAt = Date.now();
  await page.reload();
  await signIn(page, PIN, MANAGER);
  const readyAt = Date.now();
  const random = mulberry32(0x5ca7);
  const scans: number[] = [];
  const voids: number[] = [];
  const failures: string[] = [];
  let doneAt: number | null = null;
  await page.getByLabel('Rechercher ou scanner').focus();
  while (doneAt === null) {
    let product = demoProduct(DEMO_WEIGHED_COUNT + Math.floor(random() * (atReload * 0.9 - DEMO_WEIGHED_COUNT)));
    while (product.measure === 'weight')
      product = demoProduct(DEMO_WEIGHED_COUNT + Math.floor(random() * (atReload * 0.9 - DEMO_WEIGHED_COUNT)));
    // One burst of key events, as a scanner sends them (a busy page must not stretch the gaps).
    await page.evaluate(() => (window as unknown as BenchWindow).__bench.armScan());
    await scan(page, product.barcodes[0]!);
    const r = await page.evaluate((t) => (window as unknown as BenchWindow).__bench.scanResult(t), 5000);
    if (r.ok && r.enter !== null && r.frame !== null) scans.push(r.frame - r.enter);
    else {
      const notice = page.locator('.notice');
      const text = (await notice.count()) > 0 ? (await notice.first().innerText()).split('\n')[0] : 'no notice';
      failures.push(`${product.barcodes[0]!} (${text})`);
      await page.keyboard.press('Escape');
      await page.getByLabel('Rechercher ou scanner').fill('');
      await page.getByLabel('Rechercher ou scanner').focus();
    }
    if (scans.length % CUSTOMER_LINES === CUSTOMER_LINES - 1) {
      // The customer is done (the sale voided: sealed and written like a sale, timed), and the next
      // one comes a few seconds later: the import, held back while a customer is served, goes on then.
      const voidStarted = Date.now();
      await voidCart(page).catch((error: Error) => failures.push(`void not done in 10 s (${error.message.split('\n')[0]})`));
      voids.push(Date.now() - voidStarted);
      await sleep(BETWEEN_CUSTOMERS_MS);
      await page.getByLabel('Rechercher ou scanner').focus();
    }
    const state = await importState(page);
    if (state?.done && state.imported >= products) doneAt = Date.now();
    else if (Date.now() - reloadAt > 20 * 60_000)
      throw new Error('selling during an import: the background import did not finish in 20 minutes');
    else await sleep(1000);
  }
  await context.close();
  return {
    atReload,
    reloadToReadyMs: readyAt - reloadAt,
    scans,
    voids,
    failures,
    reloadToDoneMs: doneAt - reloadAt,
    wholeMs: doneAt - started,
  };
}

export async function tillSession(options: SessionOptions): Promise<SessionResult> {
  const { products, skip } = options;
  const figures: Figure[] = [];
  const rows: { name: string; values: readonly number[] }[] = [];
  const lines: string[] = [];

  // The hub, seeded with the generated catalog by its own command line.
  const url = await freshDatabase('catalog');
  log(`catalog: seeding the hub with ${products.toLocaleString('en')} products (serve --demo-products)…`);
  const hub = await startHub({ databaseUrl: url, logDir: options.logDir, demoProducts: products });
  const db = await openDatabase({ kind: 'postgres', url });
  const closeDb = onCleanup('hub database handle', () => db.close());
  const [catalog] = await db.query<{ n: number; barcodes: number; bytes: number }>(
    "SELECT count(*)::int AS n, sum(jsonb_array_length(doc -> 'barcodes'))::int AS barcodes, sum(pg_column_size(doc))::int8 AS bytes FROM catalog_docs WHERE collection = 'products' AND NOT deleted",
  );
  log(
    `  hub ready in ${(hub.startedMs / 1000).toFixed(1)} s: ${catalog!.n.toLocaleString('en')} products, ${catalog!.barcodes.toLocaleString('en')} barcodes`,
  );
  lines.push(
    `catalog at the hub: ${catalog!.n.toLocaleString('en')} products, ${catalog!.barcodes.toLocaleString('en')} barcodes (core's generator: a second code on every 7th product, a third on every 17th), ` +
      `seeded by serve --demo-products in ${(hub.startedMs / 1000).toFixed(1)} s (migrations and start included)`,
  );

  // The till: enrolled beforehand, as the launcher enrolls with its embedded hub, then started on that hub.
  const tillDir = await tempDir('till');
  await writeFile(path.join(tillDir, 'config.json'), JSON.stringify({ storeId: STORE, tillId: TILL }));
  const { code } = await issueEnrollmentCode(db, { storeId: STORE, tillId: TILL });
  const key = await loadOrCreateTillKey(tillDir);
  const client = await HubClient.open({ dataDir: tillDir, events: new HostEventBus(), identity: { storeId: STORE, tillId: TILL }, key });
  await client.enroll(hub.url, code);
  await client.close();
  const till = await startTill({ dataDir: tillDir, port: await freePort(), args: ['--hub', hub.url] });
  onCleanup('till host', () => till.stop());
  const socket = await connectHost(till.url);
  await socket.invoke('staff.setup', { displayName: MANAGER, pin: PIN });
  socket.close();
  log(`  till host at ${till.url}, enrolled with the hub`);

  const context = await launch(await tempDir('chromium'));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));

  // Catalog import, timed from opening the page.
  let importSeconds: number | null = null;
  if (!skip.has('catalog') || !skip.has('live')) {
    log(`catalog_sync_s: a fresh till imports ${products.toLocaleString('en')} products from the hub…`);
    const started = Date.now();
    await page.goto(till.url);
    const { doneAt, importStartedAt } = await waitImported(page, products, started, 'till import');
    importSeconds = (doneAt - started) / 1000;
    const inDexie = await countProducts(page);
    log(`  imported in ${importSeconds.toFixed(1)} s (${inDexie.toLocaleString('en')} products in ${CATALOG_DB})`);
    if (!skip.has('catalog')) {
      figures.push(single('catalog_sync_s', 's', importSeconds));
      rows.push(infoRow('catalog sync throughput', 'docs/s', [Math.round(products / importSeconds)]));
      const boot =
        importStartedAt === null ? '' : `, of which ${((doneAt - importStartedAt) / 1000).toFixed(1)} s after the first page arrived`;
      lines.push(
        `catalog_sync_s: ${importSeconds.toFixed(1)} s from opening the till page to the import record done (${(products / importSeconds).toFixed(0)} products/s${boot}); ` +
          `${inDexie.toLocaleString('en')} products in the till's Dexie. A fresh till shows only the boot screen meanwhile (it waits for a first catalog).`,
      );
      if (inDexie !== products) lines.push(`  WARNING: the till holds ${inDexie} products, the hub ${products}`);
    }
  }

  // Live propagation on the same till (the hub link starts once the import is done).
  if (!skip.has('live')) {
    await staffTile(page, MANAGER).or(page.locator('html[data-ready="scan"]')).first().waitFor({ timeout: 60_000 });
    await sleep(2000);
    log(`live_propagation_ms: ${options.changes} price changes through PATCH /api/v1/admin/products/:id…`);
    const adminToken = await issueAdminToken(db, 'bench:sync');
    const live = await livePropagation(page, { hubUrl: hub.url, adminToken, products, changes: options.changes });
    figures.push(distribution('live_propagation_ms', 'ms', live.latencies, 'p99 < 1000'));
    rows.push(infoRow('PATCH answered by the hub', 'ms', live.hubWrites));
    lines.push(
      `live_propagation_ms: ${live.latencies.length} of ${options.changes} price changes seen in the till's Dexie (polled every 2 ms in the page), ` +
        `timed from sending the PATCH${live.missed.length ? `; NOT seen within 10 s: ${live.missed.join(', ')}` : ''}; ` +
        `a search result list on screen runs its query again once the change is written.`,
    );
  }
  await page.close();

  // The bare bulkPut, same browser, the till's page closed.
  if (!skip.has('bulkput') && importSeconds !== null && !skip.has('catalog')) {
    log(`catalog_sync_ratio: bare Dexie bulkPut of the same ${products.toLocaleString('en')} products in the same Chromium…`);
    const bare = await bareBulkPut(context, products);
    log(
      `  bulkPut ${(bare.bulkPutMs / 1000).toFixed(1)} s (wall ${(bare.wallMs / 1000).toFixed(1)} s), ${bare.count.toLocaleString('en')} products`,
    );
    const ratio = (importSeconds * 1000) / bare.bulkPutMs;
    figures.push(single('catalog_sync_ratio', 'ratio', ratio, '≤ 1.3'));
    rows.push(infoRow('bare Dexie bulkPut (chunks of 2,000)', 's', [Math.round(bare.bulkPutMs / 100) / 10]));
    lines.push(
      `catalog_sync_ratio: ${ratio.toFixed(3)} = till ${importSeconds.toFixed(1)} s / bare bulkPut ${(bare.bulkPutMs / 1000).toFixed(1)} s ` +
        `(same products, the till's CatalogDb schema, chunks of 2,000; ${(bare.wallMs / 1000).toFixed(1)} s with generating the products; ${(products / (bare.bulkPutMs / 1000)).toFixed(0)} products/s)`,
    );
  }
  await context.close();

  if (!skip.has('usable') && !skip.has('catalog')) {
    log(
      'informative: selling during an import (fresh profile, page reloaded at a quarter of the import, scans of imported products while the rest arrives)…',
    );
    const s = await sellDuringImport(await tempDir('chromium-usable'), till.url, products).catch((error: Error) => {
      lines.push(`informative, selling during an import: not measured (${error.message.split('\n')[0]})`);
      return null;
    });
    if (s && s.scans.length > 0) rows.push(infoRow('scan → line during a background import', 'ms', s.scans));
    if (s && s.voids.length > 0) rows.push(infoRow('void (sealed) during a background import', 'ms', s.voids));
    if (s)
      lines.push(
        `informative, selling during an import: reloaded at ${s.atReload.toLocaleString('en')} products, ready to scan ${(s.reloadToReadyMs / 1000).toFixed(1)} s later; ` +
          `${s.scans.length} scans of imported products (customers of ${CUSTOMER_LINES} lines, ${BETWEEN_CUSTOMERS_MS / 1000} s apart; the till holds the import back while one is served) while the rest arrived${s.failures.length ? `, ${s.failures.length} failed (${s.failures.slice(0, 3).join(', ')})` : ''}; ` +
          `the import finished ${(s.reloadToDoneMs / 1000).toFixed(1)} s after the reload (${(s.wholeMs / 1000).toFixed(1)} s from opening the page, interruption included)`,
      );
  }

  const warnings = await hubWarnings(hub.logFiles);
  if (warnings.length) lines.push(`  hub warnings (${warnings.length}): ${warnings.slice(0, 5).join(' | ')}`);
  await closeDb();
  await hub.stop();
  return { figures, rows, lines };
}
