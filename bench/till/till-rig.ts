import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/browser';
import { repoRoot, startTill, type TillProcess } from '../../tests/support/till-process';
import { PROBE_SCRIPT } from './page-probe';

/** Everything a run reuses, per catalog size: the browser profile (its IndexedDB) and the host's data dir. */
export type BenchCache = {
  readonly dir: string;
  readonly profileDir: string;
  readonly dataDir: string;
  readonly stateFile: string;
};

export type CacheState = {
  readonly products: number;
  /** The origin whose IndexedDB holds the imported catalog. */
  readonly port: number;
  readonly importedAt?: string;
  readonly importMs?: number;
  /** The import measured had resumed an earlier, interrupted one: its time is not a whole import. */
  readonly importResumed?: boolean;
};

export function benchCache(products: number): BenchCache {
  const dir = path.join(repoRoot, '.cache', 'bench-till', `products-${products}`);
  return {
    dir,
    profileDir: path.join(dir, 'chromium-profile'),
    dataDir: path.join(dir, 'host-data'),
    stateFile: path.join(dir, 'state.json'),
  };
}

export async function readCacheState(cache: BenchCache): Promise<CacheState | null> {
  try {
    return JSON.parse(await readFile(cache.stateFile, 'utf8')) as CacheState;
  } catch {
    return null;
  }
}

export async function writeCacheState(cache: BenchCache, state: CacheState): Promise<void> {
  await mkdir(cache.dir, { recursive: true });
  await writeFile(cache.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The profile and the host journal belong together (the till restores from the journal what its
 * IndexedDB lacks): if one is missing, start both afresh. An import that was interrupted resumes
 * from its checkpoint (the till's own behaviour), so a half-filled profile is kept.
 */
export async function prepareCache(cache: BenchCache): Promise<'reused' | 'fresh'> {
  if (existsSync(cache.profileDir) && existsSync(cache.dataDir)) return 'reused';
  await rm(cache.dir, { recursive: true, force: true });
  await mkdir(cache.profileDir, { recursive: true });
  await mkdir(cache.dataDir, { recursive: true });
  return 'fresh';
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The port the catalog was imported under (same origin, same IndexedDB), or the preferred one;
 * if it is busy, the next free one of ten, said loudly: that origin has no catalog yet.
 */
export async function choosePort(preferred: number, log: (line: string) => void): Promise<number> {
  for (let port = preferred; port < preferred + 10; port++) {
    if (await portFree(port)) {
      if (port !== preferred) {
        log(
          `WARNING: port ${preferred} is busy; using ${port}. IndexedDB is per origin, so the catalog is imported (and cached) again for http://127.0.0.1:${port}.`,
        );
      }
      return port;
    }
  }
  throw new Error(`ports ${preferred}–${preferred + 9} are all busy: free one or pass --port`);
}

export type Rig = {
  till: TillProcess | null;
  context: BrowserContext | null;
};

export const rig: Rig = { till: null, context: null };

export async function startHost(options: { cache: BenchCache; port: number; products: number }): Promise<TillProcess> {
  if (!existsSync(path.join(repoRoot, 'renderer', 'dist', 'index.html')))
    throw new Error('renderer/dist is missing: run "npm run build" first (npm run bench:till does)');
  const till = await startTill({
    dataDir: options.cache.dataDir,
    port: options.port,
    env: { POS_DEMO_PRODUCTS: String(options.products), POS_SKIP_ELECTRON_DOWNLOAD: '1' },
  });
  rig.till = till;
  return till;
}

/** Extra Chromium flags for experiments, e.g. BENCH_CHROMIUM_ARGS="--disable-features=DeferRendererTasksAfterInput". */
export const EXTRA_CHROMIUM_ARGS = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(/\s+/).filter(Boolean);

/** Chromium on the cached profile, with the probe in every page. Signals are ours to handle (clean close). */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...EXTRA_CHROMIUM_ARGS],
    viewport: { width: 1280, height: 800 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  await context.addInitScript({ content: PROBE_SCRIPT });
  rig.context = context;
  return context;
}

/** "Chromium 156.0.8078.79" (the page's user agent says only 156.0.0.0). */
export function chromiumVersion(): string {
  try {
    return (
      execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split(' built ')[0] ?? 'Chromium'
    );
  } catch {
    return 'Chromium (version unknown)';
  }
}

export async function closeBrowser(): Promise<void> {
  const context = rig.context;
  rig.context = null;
  await context?.close().catch(() => undefined);
}

export async function stopAll(): Promise<void> {
  await closeBrowser();
  const till = rig.till;
  rig.till = null;
  await till?.stop().catch(() => undefined);
}

/** Ctrl+C, kill, or an exception: close the browser (its profile is our cache) and stop the host. */
export function installCleanup(log: (line: string) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: closing the browser and the till host…`);
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // Last resort if Node exits without the async clean-up having run.
  process.on('exit', () => {
    if (rig.till && rig.till.child.exitCode === null) rig.till.child.kill('SIGKILL');
  });
}

export function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ? Promise.resolve(context.pages()[0]!) : context.newPage();
}
