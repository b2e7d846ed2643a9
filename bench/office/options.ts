/** Command line of `npm run bench:office -- [options]`. */
import { forEachFlag } from '../support/command-line';
import { positiveInt } from '../till/options';
import type { ProjectorsLayout } from '../sync/rig';

export const PARTS = ['dashboard', 'lag', 'throughput'] as const;
export type Part = (typeof PARTS)[number];

export type OfficeBenchOptions = {
  readonly json: boolean;
  readonly parts: ReadonlySet<Part>;
  /** The generated history (dashboard figures). */
  readonly sales: number;
  readonly stores: number;
  readonly rounds: number;
  readonly rawRounds: number;
  /** projection_lag_ms: bench:sync's many-tills load. */
  readonly lagTills: number;
  readonly lagStores: number;
  readonly lagSeconds: number;
  readonly thinkMs: number;
  /** The tills' mean pause while the projectors run, for projector_throughput's CPU a sale under load. */
  readonly liveThinkMs: number;
  readonly sampleEvery: number;
  readonly pollMs: number;
  readonly warmupSeconds: number;
  /** Where the hub under load runs its projectors. */
  readonly projectors: ProjectorsLayout;
};

export const USAGE = `Usage: npm run bench:office -- [--json] [--only dashboard|lag|throughput]
       [--sales 500000] [--stores 50] [--rounds 20] [--raw-rounds 5]
       [--lag-tills 500] [--lag-stores 100] [--lag-seconds 60] [--think-ms 1000]
       [--sample-every 10] [--poll-ms 20] [--warmup 5] [--projectors apart|in-hub]
       [--live-think-ms 3000]

  --only part        dashboard (the generated history's dashboard_* figures) or lag
                     (projection_lag_ms) or throughput (projector_throughput: the same tills
                     push with no projector running, then the projectors work through
                     the backlog alone, timed, with their CPU and PostgreSQL's a sale;
                     then the CPU a sale again with the projectors running while the tills
                     push, each pausing 0–2× --live-think-ms, 3000 by default);
                     all three by default
  --sales N          sales of the generated history (5 lines each), over --stores stores and
                     a year; the issue's figure is --sales 5000000 (minutes to generate)
  --rounds N         timed dashboards from the roll-ups; --raw-rounds N from the facts alone
  --lag-tills N      simulated tills pushing to a hub (its own process) for --lag-seconds,
                     over --lag-stores stores, 1–5 sales a push, then a pause of 0–2× --think-ms:
                     bench:sync's push_latency_ms load
  --sample-every N   one accepted push in N gives a sample (its last sale), after --warmup
                     seconds; its lag is from the push's answer to the sale's fact row, written
                     with the dashboard's roll-ups, seen by a poll every --poll-ms
  --projectors where  apart (default): the hub serves --without-projectors and the projectors run
                     in a process of their own (the "projectors" command), as docs/operations.md
                     advises past a few dozen tills; in-hub: one process does both
  --json             the last line of stdout is one JSON array of the figures

Needs PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, trust)
and the hub's bundle (sync-server/dist/cli.cjs; npm run bench:office builds it): each part runs on a
database of its own, pos_bench_<random>_<part>, dropped at the end.`;

/** The integer options: flag → the option, its default, its least value. */
const INTEGERS = {
  '--sales': ['sales', 500_000, 100],
  '--stores': ['stores', 50, 1],
  '--rounds': ['rounds', 20, 1],
  '--raw-rounds': ['rawRounds', 5, 1],
  '--lag-tills': ['lagTills', 500, 1],
  '--lag-stores': ['lagStores', 100, 1],
  '--lag-seconds': ['lagSeconds', 60, 1],
  '--think-ms': ['thinkMs', 1000, 0],
  '--live-think-ms': ['liveThinkMs', 3000, 0],
  '--sample-every': ['sampleEvery', 10, 1],
  '--poll-ms': ['pollMs', 20, 1],
  '--warmup': ['warmupSeconds', 5, 0],
} as const satisfies Record<string, readonly [keyof OfficeBenchOptions, number, number]>;

type Integer = (typeof INTEGERS)[keyof typeof INTEGERS][0];

export function parseOptions(argv: readonly string[]): OfficeBenchOptions {
  let json = false;
  let parts = new Set<Part>(PARTS);
  let projectors: ProjectorsLayout = 'apart';
  const n = Object.fromEntries(Object.values(INTEGERS).map(([key, fallback]) => [key, fallback])) as Record<Integer, number>;
  forEachFlag(argv, USAGE, (flag, value) => {
    if (flag in INTEGERS) {
      const [key, , min] = INTEGERS[flag as keyof typeof INTEGERS];
      n[key] = positiveInt(flag, value(), min);
    } else if (flag === '--json') json = true;
    else if (flag === '--projectors') {
      const where = value() ?? '';
      if (where !== 'apart' && where !== 'in-hub') throw new Error(`--projectors: "${where}" is apart or in-hub`);
      projectors = where;
    } else if (flag === '--only') {
      const part = value() ?? '';
      if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only: unknown part "${part}" (use ${PARTS.join(' or ')})`);
      parts = new Set([part as Part]);
    } else return false;
    return true;
  });
  if (n.warmupSeconds >= n.lagSeconds) throw new Error('--warmup must be shorter than --lag-seconds');
  return { json, parts, projectors, ...n, lagStores: Math.min(n.lagStores, n.lagTills) };
}
