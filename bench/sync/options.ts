/** Command line of `npm run bench:sync -- [options]`. */
import { forEachFlag } from '../support/command-line';
import { positiveInt } from '../till/options';

export const PARTS = ['rxdb', 'pouch', 'ceiling', 'nohttp', 'cold', 'dexie', 'latency', 'catalog', 'bulkput', 'usable', 'live'] as const;
export type Part = (typeof PARTS)[number];

export type SyncBenchOptions = {
  readonly json: boolean;
  /** Sale documents pushed by each system (push figures). */
  readonly docs: number;
  /** Parallel clients of the push figures (tills), spread over `stores` stores. */
  readonly tills: number;
  readonly stores: number;
  readonly batchSize: number;
  /** Rounds of the three push figures (each figure is the median of its rounds). */
  readonly repeat: number;
  /** The many-tills latency figure. */
  readonly latencyTills: number;
  readonly latencyStores: number;
  readonly seconds: number;
  /** Mean pause of a simulated till between two pushes (uniform in 0…2× this). */
  readonly thinkMs: number;
  /** Catalog size for the catalog sync (and the live propagation's till). */
  readonly products: number;
  readonly changes: number;
  readonly skip: ReadonlySet<Part>;
};

export const USAGE = `Usage: npm run bench:sync -- [--json] [--docs 10000] [--tills 10] [--stores 5] [--batch 100] [--repeat 3]
       [--latency-tills 500] [--latency-stores 100] [--seconds 60] [--think-ms 1000]
       [--products 300000] [--changes 30] [--skip ${PARTS.join(',')}]

  --docs N           sale documents pushed by each system (5 lines, 2 tenders each)
  --tills N          parallel clients of the push figures, over --stores stores
  --batch N          documents per push (RxDB push batch size; PouchDB batch_size; SQL batch)
  --repeat N         rounds of the push figures (hub, pouchdb-server, ceiling, interleaved);
                     each figure is the median of its rounds
  --latency-tills N  simulated tills pushing 1–5 sales, then pausing (mean --think-ms), for --seconds
  --products N       catalog seeded at the hub for the catalog sync and the live propagation
  --changes N        price changes timed from the head-office API to a streaming till
  --skip parts       rxdb (push_docs_per_s), pouch, ceiling, latency, and the informative
                     nohttp (the hub's push function called without HTTP), cold (the hub on a
                     never-analyzed database), dexie (RxDB clients on Dexie + fake-indexeddb),
                     catalog (catalog_sync_*; also skips bulkput and usable), bulkput, usable
                     (informative: selling during an import), live
  --json             the last line of stdout is one JSON array of the figures

Needs PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, trust):
every part runs on a database of its own, pos_bench_<random>_<part>, dropped at the end.`;

export function parseOptions(argv: readonly string[]): SyncBenchOptions {
  let json = false;
  let docs = 10_000;
  let tills = 10;
  let stores: number | null = null;
  let batchSize = 100;
  let repeat = 3;
  let latencyTills = 500;
  let latencyStores = 100;
  let seconds = 60;
  let thinkMs = 1000;
  let products = 300_000;
  let changes = 30;
  const skip = new Set<Part>();
  forEachFlag(argv, USAGE, (flag, value) => {
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--docs':
        docs = positiveInt(flag, value());
        break;
      case '--tills':
        tills = positiveInt(flag, value());
        break;
      case '--stores':
        stores = positiveInt(flag, value());
        break;
      case '--batch':
        batchSize = positiveInt(flag, value());
        if (batchSize > 500) throw new Error('--batch: the hub takes at most 500 documents per push');
        break;
      case '--repeat':
        repeat = positiveInt(flag, value());
        break;
      case '--latency-tills':
        latencyTills = positiveInt(flag, value());
        break;
      case '--latency-stores':
        latencyStores = positiveInt(flag, value());
        break;
      case '--seconds':
        seconds = positiveInt(flag, value());
        break;
      case '--think-ms':
        thinkMs = positiveInt(flag, value(), 0);
        break;
      case '--products':
        products = positiveInt(flag, value(), 100);
        break;
      case '--changes':
        changes = positiveInt(flag, value());
        break;
      case '--skip':
        for (const part of (value() ?? '').split(',').filter(Boolean)) {
          if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--skip: unknown part "${part}" (use ${PARTS.join(', ')})`);
          skip.add(part as Part);
        }
        break;
      default:
        return false;
    }
    return true;
  });
  if (skip.has('catalog')) {
    skip.add('bulkput');
    skip.add('usable');
  }
  const pushStores = Math.min(stores ?? Math.max(1, Math.ceil(tills / 2)), tills);
  return {
    json,
    docs,
    tills,
    stores: pushStores,
    batchSize,
    repeat,
    latencyTills,
    latencyStores: Math.min(latencyStores, latencyTills),
    seconds,
    thinkMs,
    products,
    changes,
    skip,
  };
}
