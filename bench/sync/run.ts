/**
 * The hub's scale benchmark (issue 3, "Scale"): push ingest beside pouchdb-server and the bare
 * SQL ceiling, many tills pushing at once, a 300,000-product catalog into a fresh till in
 * Chromium beside a bare Dexie bulkPut, and live price propagation. The hub runs as production
 * runs it (sync-server/dist/cli.cjs serve, its own process) on PostgreSQL, each part on a fresh
 * database. Prints figures; asserts nothing.
 *
 *   npm run bench:sync -- [--json] [--docs 10000] [--tills 10] [--seconds 60] [--products 300000] [--skip …]
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { benchMain } from '../support/bench-main';
import { chromiumVersion } from '../till/till-rig';
import { formatTable, summarize } from '../till/stats';
import { parseOptions, type SyncBenchOptions } from './options';
import { pushLatency } from './push-latency';
import { hubWithoutHttp, pgCeiling } from './push-baselines';
import { HISTORY, pouchPush, rxdbPush, type PushResult, type PushShape } from './push-phase';
import { distribution, infoRow, tableRow, type Figure } from './records';
import { log, postgresVersion, settleServer, tempDir } from './rig';
import { tillSession } from './till-session';

type Row = { name: string; values: readonly number[]; target?: string };

function pushLine(label: string, r: PushResult): string {
  const s = r.stats;
  const parts = [`${r.docs.toLocaleString('en')} docs in ${r.seconds.toFixed(2)} s = ${r.docsPerS.toFixed(0)} docs/s`];
  if (s) parts.push(`${s.pushes} pushes`);
  if (r.firstPushMs !== null && r.firstPushMs > 0)
    parts.push(
      `timed from the first push, ${r.firstPushMs} ms after the replications started (${(r.docs / r.fromStartSeconds).toFixed(0)} docs/s from their start)`,
    );
  if (s && (s.conflicts || s.errors || s.failedAttempts))
    parts.push(`${s.conflicts} conflicts, ${s.errors} refused, ${s.failedAttempts} failed attempts (retried)`);
  return `${label}: ${parts.join('; ')}${r.notes.length ? ` — ${r.notes.join('; ')}` : ''}`;
}

async function run(options: SyncBenchOptions): Promise<void> {
  const runTag = `b${randomBytes(3).toString('hex')}`;
  const logDir = await tempDir('logs');
  const figures: Figure[] = [];
  const rows: Row[] = [];
  const lines: string[] = [];
  const skip = options.skip;
  const figure = (f: Figure) => {
    figures.push(f);
    rows.push(tableRow(f));
  };

  const pg = await postgresVersion();
  const chromium = skip.has('catalog') && skip.has('live') && skip.has('bulkput') ? 'Chromium not used' : chromiumVersion();
  const cpu = cpus();
  const machine = `${cpu.length} CPUs (${cpu[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${pg}, ${chromium}`;
  log(`bench:sync — ${machine}`);

  // 1. Push ingest, three ways, the same documents and parallelism.
  const shape: PushShape = {
    run: runTag,
    docs: options.docs,
    tills: options.tills,
    stores: options.stores,
    batchSize: options.batchSize,
    rxStorage: 'memory',
  };
  const shapeText = `${options.docs.toLocaleString('en')} sales (5 lines, card + cash), ${options.tills} tills in ${options.stores} stores, batches of ${options.batchSize}`;
  const history = `${HISTORY.stores} other stores × ${HISTORY.salesPerStore} past sales, analyzed`;
  // Rounds of the three, interleaved, so a slow moment of the machine weighs on all of them; each
  // figure is the median of its rounds.
  const pouchRuns: PushResult[] = [];
  const ceilingRuns: PushResult[] = [];
  const rxRuns: (PushResult & { hubWarnings: readonly string[] })[] = [];
  for (let round = 1; round <= options.repeat; round++) {
    const of = options.repeat > 1 ? ` (round ${round} of ${options.repeat})` : '';
    if (!skip.has('pouch')) {
      log(`pouchdb_push_docs_per_s${of}: PouchDB (LevelDB) clients → pouchdb-server (LevelDB), ${shapeText}…`);
      pouchRuns.push(await pouchPush(shape));
      log(`  ${pushLine('pouchdb-server', pouchRuns.at(-1)!)}`);
    }
    if (!skip.has('rxdb')) {
      log(`push_docs_per_s${of}: RxDB clients (memory storage) → hub → PostgreSQL (${history}), ${shapeText}…`);
      await settleServer();
      rxRuns.push(await rxdbPush(shape, logDir, { history: true }));
      log(`  ${pushLine('hub', rxRuns.at(-1)!)}`);
    }
    if (!skip.has('ceiling')) {
      log(`pg_ceiling_docs_per_s${of}: bare SQL loop with the hub's transaction design (${history}), ${shapeText}…`);
      await settleServer();
      ceilingRuns.push(await pgCeiling(shape));
      log(`  ${pushLine('SQL loop', ceilingRuns.at(-1)!)}`);
    }
  }
  const informative: { label: string; unit: string; result: PushResult }[] = [];
  if (!skip.has('nohttp')) {
    log(`informative: the hub's push function without HTTP (${history}), ${shapeText}…`);
    const r = await hubWithoutHttp(shape);
    log(`  ${pushLine('hub push function', r)}`);
    informative.push({ label: "hub's push function in-process, no HTTP, no RxDB", unit: 'docs/s', result: r });
  }
  if (!skip.has('cold')) {
    log(`informative: RxDB clients → hub on a never-analyzed database (a new hub's first minute), ${shapeText}…`);
    const r = await rxdbPush(shape, logDir, { history: false });
    log(`  ${pushLine('hub, cold statistics', r)}`);
    informative.push({ label: 'hub, database never analyzed', unit: 'docs/s', result: r });
  }
  if (!skip.has('dexie')) {
    log(`informative: RxDB clients on Dexie + fake-indexeddb (the till's storage, in Node) → hub (${history}), ${shapeText}…`);
    const r = await rxdbPush({ ...shape, rxStorage: 'dexie' }, logDir, { history: true });
    log(`  ${pushLine('hub, Dexie clients', r)}`);
    informative.push({ label: 'hub, RxDB clients on Dexie/fake-indexeddb', unit: 'docs/s', result: r });
  }
  const rates = (runs: readonly PushResult[]) => runs.map((r) => r.docsPerS);
  const median = (values: readonly number[]) => summarize(values).median;
  const rounds = (label: string, runs: readonly PushResult[]) =>
    runs.forEach((r, i) => lines.push(pushLine(`${label}${runs.length > 1 ? `, round ${i + 1}` : ''}`, r)));
  if (rxRuns.length > 0) {
    const hub = median(rates(rxRuns));
    const goals: string[] = [];
    if (pouchRuns.length > 0) goals.push(`≥ 3× pouchdb-server: ${(hub / median(rates(pouchRuns))).toFixed(2)}×`);
    if (ceilingRuns.length > 0) goals.push(`≥ 50% of the ceiling: ${((100 * hub) / median(rates(ceilingRuns))).toFixed(0)} %`);
    figure(distribution('push_docs_per_s', 'docs/s', rates(rxRuns), `medians: ${goals.join(', ')}`));
    rounds('push_docs_per_s (RxDB, memory storage → hub → PostgreSQL)', rxRuns);
    const warnings = rxRuns.flatMap((r) => r.hubWarnings);
    if (warnings.length) lines.push(`  hub warnings: ${warnings.slice(0, 5).join(' | ')}`);
  }
  if (pouchRuns.length > 0) {
    figure(distribution('pouchdb_push_docs_per_s', 'docs/s', rates(pouchRuns)));
    rounds('pouchdb_push_docs_per_s (PouchDB → pouchdb-server)', pouchRuns);
  }
  if (ceilingRuns.length > 0) {
    figure(distribution('pg_ceiling_docs_per_s', 'docs/s', rates(ceilingRuns)));
    rounds('pg_ceiling_docs_per_s (SQL loop, no HTTP)', ceilingRuns);
  }
  for (const i of informative) {
    rows.push(infoRow(i.label, i.unit, [Math.round(i.result.docsPerS)]));
    lines.push(pushLine(`informative: ${i.label}`, i.result));
  }

  // 2. Many tills at once.
  if (!skip.has('latency')) {
    log(
      `push_latency_ms: ${options.latencyTills} simulated tills in ${options.latencyStores} stores, 1–5 sales a push, think time 0–${2 * options.thinkMs} ms, ${options.seconds} s…`,
    );
    const settled = await settleServer();
    if (settled) lines.push(`push_latency_ms: ${settled}`);
    const r = await pushLatency(
      { run: runTag, tills: options.latencyTills, stores: options.latencyStores, seconds: options.seconds, thinkMs: options.thinkMs },
      logDir,
    );
    figure(distribution('push_latency_ms', 'ms', r.latenciesMs, 'p99 < 250'));
    const failed = [...r.failures].map(([status, n]) => `${n}× ${status === 0 ? 'no answer' : `HTTP ${status}`}`);
    rows.push(infoRow('throughput', 'pushes/s', [Math.round(r.pushes / r.seconds)]));
    rows.push(infoRow('throughput', 'docs/s', [Math.round(r.docs / r.seconds)]));
    lines.push(
      `push_latency_ms: ${options.latencyTills} tills, ${r.pushes} pushes answered in ${r.seconds} s = ${(r.pushes / r.seconds).toFixed(0)} pushes/s, ` +
        `${(r.docs / r.seconds).toFixed(0)} sales/s (offered at most ≈ ${r.offeredPushesPerS.toFixed(0)} pushes/s); ` +
        `${failed.length ? failed.join(', ') : 'no failed push (no 429: the default rate limit, 1,200/min per device, was kept)'}; ` +
        `${r.documentErrors} documents refused, ${r.conflicts} conflicts; the database holds ${r.docsInDatabase} of ${r.allDocs} sales accepted; ` +
        `the hub had verified them all and the stock ledger held them ${r.stockLagSeconds.toFixed(1)} s after the last push answered`,
    );
    if (r.hubWarnings.length) lines.push(`  hub warnings (${r.hubWarnings.length}): ${r.hubWarnings.slice(0, 5).join(' | ')}`);
  }

  // 3. Catalog into a fresh till in Chromium, bare bulkPut, selling during an import, live prices.
  if (!skip.has('catalog') || !skip.has('live')) {
    const session = await tillSession({
      run: runTag,
      products: skip.has('catalog') ? 2000 : options.products,
      changes: options.changes,
      skip,
      logDir,
    });
    for (const f of session.figures) figure(f);
    rows.push(...session.rows);
    lines.push(...session.lines);
  }

  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(`Sync benchmark — ${machine}`);
  out(
    `hub: sync-server/dist/cli.cjs serve on PostgreSQL (DATABASE_URL), its own process, default settings (pool 10, info logs, rate limit 1,200/min per device)`,
  );
  out(formatTable(rows));
  out();
  for (const line of lines) out(line);
  if (options.json) out(JSON.stringify(figures.map((f) => f.record)));
}

process.exitCode = await benchMain('bench:sync', parseOptions, run);
