/**
 * What the back office's dashboard costs on a year of a chain's history, and how soon a pushed
 * sale shows on it (issue 13). Prints figures; never asserts. Options: bench/office/options.ts
 * (`npm run bench:office -- --help`).
 *
 * dashboard (`--only dashboard`): a history of --sales sales (5 lines each, 1 in 25 a return) over
 * --stores stores and 365 days is written into a new PostgreSQL database (BENCH_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres, dropped at the end): the reporting facts and
 * the daily roll-ups the reporting projector keeps (history.ts; not timed). Then, for the last month:
 * - dashboard_ms: the whole dashboard of the chain (src/reporting/dashboard-queries.ts: totals,
 *   every breakdown, top and bottom products, comparison with the previous period and last year)
 *   from the roll-ups; goal p95 < 300 ms. dashboard_store_ms: the same for one store.
 * - dashboard_raw_ms, dashboard_raw_store_ms: the same answers from the facts per sale and line,
 *   without roll-ups (same run, fewer rounds).
 * The issue asks 5,000,000 sales: `--sales 5000000` (generation then takes minutes).
 *
 * lag (`--only lag`): projection_lag_ms, a pushed sale → counted by the dashboard, under bench:sync's
 * many-tills load (500 tills by default; projection-lag.ts); goal p95 < 2 s.
 *
 * throughput (`--only throughput`): projector_throughput, the sales a second the projectors work
 * through a backlog the same tills pushed, alone (projector-throughput.ts).
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { dashboard, dashboardComparison, type DashboardRange } from '../../sync-server/src/reporting/dashboard-queries';
import type { Source } from '../../sync-server/src/reporting/dashboard-sql';
import { benchMain } from '../support/bench-main';
import { scratchDatabase } from '../support/postgres-admin';
import { distribution, infoRow, tableRow, type Figure } from '../sync/records';
import { onCleanup, postgresVersion, tempDir } from '../sync/rig';
import { formatTable } from '../till/stats';
import { generateHistory, LINES_PER_SALE } from './history';
import { parseOptions, type OfficeBenchOptions } from './options';
import { projectionLag } from './projection-lag';
import { projectorsUnderLoad, projectorThroughput } from './projector-throughput';

const FIRST_DAY = '2025-12-01';
const DAYS = 365;
const MONTH = { from: '2026-10-01', to: '2026-10-31' };

type Row = { name: string; values: readonly number[]; target?: string };

const log = (line: string) => console.log(line);

/** One dashboard as the page asks it: everything, with its comparisons, at once. */
async function timeDashboard(db: Database, range: DashboardRange, source: Source): Promise<number> {
  const started = performance.now();
  await Promise.all([dashboard(db, range, source), dashboardComparison(db, range, source)]);
  return performance.now() - started;
}

async function measure(db: Database, name: string, range: DashboardRange, source: Source, n: number, target?: string): Promise<Figure> {
  await timeDashboard(db, range, source);
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(await timeDashboard(db, range, source));
  return distribution(name, 'ms', values, target);
}

async function dashboardFigures(options: OfficeBenchOptions): Promise<Figure[]> {
  const { sales, stores } = options;
  const scratch = await scratchDatabase('office');
  const drop = onCleanup(`database ${new URL(scratch.url).pathname.slice(1)}`, scratch.drop);
  let db: Database | null = null;
  try {
    db = await openDatabase({ kind: 'postgres', url: scratch.url });
    const started = performance.now();
    log(
      `generating ${sales.toLocaleString('en')} sales (${(sales * LINES_PER_SALE).toLocaleString('en')} lines) over ${stores} stores and ${DAYS} days:`,
    );
    await generateHistory(db, { sales, stores, days: DAYS, firstDay: FIRST_DAY }, log);
    log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);
    const chain: DashboardRange = { stores: Array.from({ length: stores }, (_, i) => `S${String(i).padStart(3, '0')}`), ...MONTH };
    const one: DashboardRange = { stores: ['S001'], ...MONTH };
    // The generated roll-ups must say what the facts say, or the comparison means nothing.
    const [fromRollups, fromFacts] = [await dashboard(db, chain), await dashboard(db, chain, 'facts')];
    if (JSON.stringify(fromRollups) !== JSON.stringify(fromFacts)) throw new Error('the generated roll-ups do not match the facts');
    log(`a month of the chain: ${fromRollups.totals.tickets.toLocaleString('en')} tickets, roll-ups == facts`);
    return [
      await measure(db, 'dashboard_ms', chain, 'rollups', options.rounds, 'p95 < 300'),
      await measure(db, 'dashboard_store_ms', one, 'rollups', options.rounds),
      await measure(db, 'dashboard_raw_ms', chain, 'facts', options.rawRounds),
      await measure(db, 'dashboard_raw_store_ms', one, 'facts', options.rawRounds),
    ];
  } finally {
    await db?.close();
    await drop();
  }
}

/** bench:sync's many-tills load as the options shape it; `run` tags the sales' ids. */
const tillLoad = (options: OfficeBenchOptions, prefix: string) => ({
  run: `${prefix}${randomBytes(3).toString('hex')}`,
  tills: options.lagTills,
  stores: options.lagStores,
  seconds: options.lagSeconds,
  thinkMs: options.thinkMs,
});

async function lagFigures(options: OfficeBenchOptions, rows: Row[], lines: string[]): Promise<Figure> {
  const shape = {
    ...tillLoad(options, 'o'),
    sampleEvery: options.sampleEvery,
    pollMs: options.pollMs,
    warmupSeconds: options.warmupSeconds,
    projectors: options.projectors,
  };
  log(
    `projection_lag_ms: ${shape.tills} simulated tills in ${shape.stores} stores, 1–5 sales a push, think time 0–${2 * shape.thinkMs} ms, ${shape.seconds} s, projectors ${shape.projectors === 'apart' ? 'in a process of their own' : "in the hub's process"}…`,
  );
  const r = await projectionLag(shape, await tempDir('logs'));
  const figure = distribution('projection_lag_ms', 'ms', r.lagsMs, 'p95 < 2000');
  const load = r.load;
  const failed = [...load.failures].map(([status, n]) => `${n}× ${status === 0 ? 'no answer' : `HTTP ${status}`}`);
  rows.push(infoRow('of which until verified (the chain verifier)', 'ms', r.verifiedMs));
  rows.push(infoRow('push latency under this load', 'ms', load.latenciesMs));
  rows.push(infoRow('throughput', 'sales/s', [Math.round(load.docs / shape.seconds)]));
  lines.push(
    `projection_lag_ms: ${shape.tills} tills in ${shape.stores} stores for ${shape.seconds} s, ${load.pushes} pushes answered ` +
      `(${(load.pushes / shape.seconds).toFixed(0)} pushes/s, ${(load.docs / shape.seconds).toFixed(0)} sales/s; ` +
      `${failed.length ? failed.join(', ') : 'none failed'}, ${load.documentErrors} sales refused, ${load.conflicts} conflicts); ` +
      `${r.lagsMs.length} sales sampled (1 push in ${shape.sampleEvery} after ${shape.warmupSeconds} s, its last sale), ` +
      `${r.unseen} never seen, ${r.polls} polls every ${shape.pollMs} ms; every sale verified and on the dashboard ` +
      `${r.catchUpSeconds.toFixed(1)} s after the last push answered; the dashboard counts ${r.dashboardTickets} tickets ` +
      `of the ${load.allDocs} sales the hub accepted${r.dashboardTickets === load.allDocs ? '' : ' (MISMATCH)'}`,
  );
  if (r.hubWarnings.length) lines.push(`  hub warnings (${r.hubWarnings.length}): ${r.hubWarnings.slice(0, 5).join(' | ')}`);
  return figure;
}

async function throughputFigures(options: OfficeBenchOptions, rows: Row[], lines: string[]): Promise<Figure> {
  const shape = tillLoad(options, 't');
  log(
    `projector_throughput: ${shape.tills} simulated tills in ${shape.stores} stores push for ${shape.seconds} s, no projector running; then the projectors alone…`,
  );
  const r = await projectorThroughput(shape, await tempDir('logs'));
  const reported = r.projectedSeconds.reporting_projection;
  const figure = distribution('projector_throughput', 'sales/s', [Math.round(r.sales / Math.max(...Object.values(r.projectedSeconds)))]);
  rows.push(infoRow('verified', 'sales/s', [Math.round(r.sales / r.verifiedSeconds)]));
  rows.push(infoRow('projectors CPU a sale', 'ms', [Number(r.projectorCpuMsPerSale.toFixed(3))]));
  rows.push(infoRow('PostgreSQL CPU a sale', 'ms', [Number(r.postgresCpuMsPerSale.toFixed(3))]));
  lines.push(
    `projector_throughput: a backlog of ${r.sales} sales in ${shape.stores} stores verified in ${r.verifiedSeconds.toFixed(1)} s, ` +
      `in the stock ledger at ${r.projectedSeconds.stock_projection.toFixed(1)} s, the closings at ${r.projectedSeconds.closing_projection.toFixed(1)} s, ` +
      `the reports at ${reported.toFixed(1)} s from the projectors' start; CPU a sale: projectors ${r.projectorCpuMsPerSale.toFixed(3)} ms, PostgreSQL ${r.postgresCpuMsPerSale.toFixed(3)} ms`,
  );
  if (r.hubWarnings.length) lines.push(`  hub warnings (${r.hubWarnings.length}): ${r.hubWarnings.slice(0, 5).join(' | ')}`);
  const live = { ...tillLoad(options, 'u'), thinkMs: options.liveThinkMs };
  log(`projectors under load: the same tills push for ${live.seconds} s (pausing 0–${2 * live.thinkMs} ms), the projectors running…`);
  const u = await projectorsUnderLoad(live, await tempDir('logs'));
  rows.push(infoRow('under load: projectors CPU a sale', 'ms', [Number(u.projectorCpuMsPerSale.toFixed(3))]));
  rows.push(infoRow('under load: PostgreSQL CPU a sale', 'ms', [Number(u.postgresCpuMsPerSale.toFixed(3))]));
  lines.push(
    `projectors under load: ${u.sales} sales (${Math.round(u.sales / live.seconds)}/s) projected ${u.catchUpSeconds.toFixed(1)} s after the last push; ` +
      `CPU a sale: projectors ${u.projectorCpuMsPerSale.toFixed(3)} ms, PostgreSQL ${u.postgresCpuMsPerSale.toFixed(3)} ms (the pushes' work included)`,
  );
  if (u.hubWarnings.length) lines.push(`  hub warnings (${u.hubWarnings.length}): ${u.hubWarnings.slice(0, 5).join(' | ')}`);
  return figure;
}

async function run(options: OfficeBenchOptions): Promise<void> {
  const cpu = cpus();
  const machine = `${cpu.length} CPUs (${cpu[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${await postgresVersion()}`;
  log(`bench:office — ${machine}`);
  const figures: Figure[] = [];
  const rows: Row[] = [];
  const lines: string[] = [];
  if (options.parts.has('dashboard')) {
    for (const f of await dashboardFigures(options)) {
      figures.push(f);
      rows.push(tableRow(f));
    }
  }
  if (options.parts.has('lag')) {
    const extra: Row[] = [];
    const f = await lagFigures(options, extra, lines);
    figures.push(f);
    rows.push(tableRow(f), ...extra);
  }
  if (options.parts.has('throughput')) {
    const extra: Row[] = [];
    const f = await throughputFigures(options, extra, lines);
    figures.push(f);
    rows.push(tableRow(f), ...extra);
  }
  log('');
  log(formatTable(rows));
  if (lines.length) log('');
  for (const line of lines) log(line);
  if (options.json) log(JSON.stringify(figures.map((f) => f.record)));
}

process.exitCode = await benchMain('bench:office', parseOptions, run);
