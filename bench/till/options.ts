/** Command line of `npm run bench:till -- [options]`. */
import { forEachFlag } from '../support/command-line';

export type BenchOptions = {
  readonly json: boolean;
  readonly products: number;
  /** Port asked for, if any; else the cache's port, else 5199: the catalog cache lives in IndexedDB, which is per origin. */
  readonly port: number | null;
  readonly samples: {
    readonly ready: number;
    readonly coldReady: number;
    readonly scans: number;
    /** Scans with the focus outside the search box (keys held by the till, informative). */
    readonly heldScans: number;
    readonly searches: number;
    readonly sales: number;
  };
  /** Pause between two scans, as a cashier's hand takes the next article (ms). */
  readonly scanGapMs: number;
  readonly seed: number;
};

export const USAGE = `Usage: tsx bench/till/run.ts [--json] [--products N] [--port P]
       [--samples ready=15,cold=3,scans=300,held=100,searches=200,sales=60] [--scan-gap-ms 120] [--seed S]

  --products N   catalog size (default 300000); seeded once into .cache/bench-till/products-N/
  --port P       fixed port of the till host (default 5199): the browser's catalog cache is per origin
  --samples ...  sample counts per figure (any subset)
  --json         the last line of stdout is one JSON array of the figures`;

/** An integer option ≥ `min`, or a clear error naming the flag (shared with bench:sync). */
export function positiveInt(name: string, value: string | undefined, min = 1): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n < min)
    throw new Error(`${name} needs an integer ≥ ${min}, got "${value ?? ''}"`);
  return n;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  let json = false;
  let products = 300_000;
  let port: number | null = null;
  let scanGapMs = 120;
  let seed = 20261122;
  const samples = { ready: 15, coldReady: 3, scans: 300, heldScans: 100, searches: 200, sales: 60 };
  const keys: Record<string, keyof typeof samples> = {
    ready: 'ready',
    cold: 'coldReady',
    scans: 'scans',
    held: 'heldScans',
    searches: 'searches',
    sales: 'sales',
  };
  forEachFlag(argv, USAGE, (flag, value) => {
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--products':
        products = positiveInt('--products', value(), 100);
        break;
      case '--port':
        port = positiveInt('--port', value(), 1024);
        break;
      case '--scan-gap-ms':
        scanGapMs = positiveInt('--scan-gap-ms', value(), 0);
        break;
      case '--seed':
        seed = positiveInt('--seed', value(), 0);
        break;
      case '--samples':
        for (const part of (value() ?? '').split(',').filter(Boolean)) {
          const [key, count] = part.split('=');
          const target = key ? keys[key] : undefined;
          if (!target) throw new Error(`--samples: unknown figure "${key ?? ''}" (use ${Object.keys(keys).join(', ')})`);
          samples[target] = positiveInt(`--samples ${key}`, count, 0);
        }
        break;
      default:
        return false;
    }
    return true;
  });
  return { json, products, port, samples, scanGapMs, seed };
}
