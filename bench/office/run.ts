/**
 * What the back office's dashboard costs on a year of a chain's history (issue 13). Prints
 * figures; never asserts.
 *   npm run bench:office -- [--json] [--sales 500000] [--stores 50] [--rounds 20] [--raw-rounds 5]
 *
 * A history of --sales sales (5 lines each, 1 in 25 a return) over --stores stores and 365 days is
 * written into a new PostgreSQL database (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, dropped at the end): the reporting facts and the
 * daily roll-ups the reporting projector keeps (history.ts; not timed). Then, for the last month:
 * - dashboard_ms: the whole dashboard of the chain (src/reporting/dashboard-queries.ts: totals,
 *   every breakdown, top and bottom products, comparison with the previous period and last year)
 *   from the roll-ups; goal p95 < 300 ms. dashboard_store_ms: the same for one store.
 * - dashboard_raw_ms, dashboard_raw_store_ms: the same answers from the facts per sale and line,
 *   without roll-ups (same run, fewer rounds).
 * The issue asks 5,000,000 sales: `--sales 5000000` (generation then takes minutes).
 */
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { dashboard, dashboardComparison, type DashboardRange } from '../../sync-server/src/reporting/dashboard-queries';
import type { Source } from '../../sync-server/src/reporting/dashboard-sql';
import { formatTable, summarize } from '../till/stats';
import { scratchDatabase } from '../support/postgres-admin';
import { generateHistory, LINES_PER_SALE } from './history';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] ?? NaN) || fallback;
const json = args.includes('--json');
const sales = option('sales', 500_000);
const stores = option('stores', 50);
const rounds = option('rounds', 20);
const rawRounds = option('raw-rounds', 5);
const FIRST_DAY = '2025-12-01';
const DAYS = 365;
const MONTH = { from: '2026-10-01', to: '2026-10-31' };

type Figure = { name: string; unit: string; values: number[]; target?: string };
const figures: Figure[] = [];
const log = (line: string) => console.log(line);

/** One dashboard as the page asks it: everything, with its comparisons, at once. */
async function timeDashboard(db: Database, range: DashboardRange, source: Source): Promise<number> {
  const started = performance.now();
  await Promise.all([dashboard(db, range, source), dashboardComparison(db, range, source)]);
  return performance.now() - started;
}

async function measure(db: Database, name: string, range: DashboardRange, source: Source, n: number, target?: string): Promise<void> {
  await timeDashboard(db, range, source);
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(await timeDashboard(db, range, source));
  figures.push({ name, unit: 'ms', values, ...(target ? { target } : {}) });
}

const scratch = await scratchDatabase('office');
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
  await measure(db, 'dashboard_ms', chain, 'rollups', rounds, 'p95 < 300');
  await measure(db, 'dashboard_store_ms', one, 'rollups', rounds);
  await measure(db, 'dashboard_raw_ms', chain, 'facts', rawRounds);
  await measure(db, 'dashboard_raw_store_ms', one, 'facts', rawRounds);
} finally {
  await db?.close();
  await scratch.drop();
}

log('');
log(formatTable(figures.map(({ name: n, unit, values, target }) => ({ name: `${n} (${unit})`, values, ...(target ? { target } : {}) }))));
if (json) {
  console.log(
    JSON.stringify(
      figures.map(({ name: n, unit, values }) => {
        const s = summarize(values);
        return { name: n, unit, n: s.n, median: s.median, p95: s.p95, p99: s.p99, max: s.max };
      }),
    ),
  );
}
