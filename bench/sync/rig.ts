/**
 * What the sync benchmark starts and must stop: child processes (hub, pouchdb-server, till host,
 * client processes), PostgreSQL databases, temporary directories, the browser. Everything is
 * registered here when created and undone in reverse order at the end, on an error, on Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { hubReady } from '../../electron/src/launch/embedded-hub';
import type { Queryable } from '../../sync-server/src/db/database';
import { storesWithUnreadRecords } from '../../sync-server/src/fiscal/chain-verifier';
import { storesBehind, type FeedCheckpoint } from '../../sync-server/src/fiscal/feed-projector';
import { repoRoot } from '../../tests/support/till-process';
import { adminQuery, scratchDatabase } from '../support/postgres-admin';

export type Log = (line: string) => void;
export const log: Log = (line) => process.stderr.write(`${line}\n`);

type Undo = { readonly label: string; readonly run: () => Promise<void> };

const undos: Undo[] = [];
const children = new Set<ChildProcess>();

/** Registers an undo step; returns a function that runs it now (and only once). */
export function onCleanup(label: string, run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  const undo: Undo = {
    label,
    run: () =>
      (done ??= run().catch((error: unknown) => {
        log(`  clean-up of ${label} failed: ${(error as Error).message}`);
      })),
  };
  undos.push(undo);
  return async () => {
    const i = undos.indexOf(undo);
    if (i >= 0) undos.splice(i, 1);
    await undo.run();
  };
}

/** Runs every registered undo step, newest first. */
export async function cleanupAll(): Promise<void> {
  while (undos.length > 0) {
    const undo = undos.pop()!;
    const started = Date.now();
    await undo.run();
    if (Date.now() - started > 3000) log(`  clean-up of ${undo.label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Ctrl+C, kill, hang-up: clean up, then exit; a child still alive at exit is killed. */
export function installSignals(): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping every process and removing the benchmark's databases and directories…`);
    void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

/** A child process the benchmark owns: killed at clean-up (SIGTERM, then SIGKILL after 10 s). */
export function track(child: ChildProcess, label: string): () => Promise<void> {
  children.add(child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  void exited.then(() => children.delete(child));
  return onCleanup(label, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });
}

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `pos-bench-sync-${prefix}-`));
  onCleanup(`directory ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Flushes what earlier parts left in PostgreSQL's buffers (CHECKPOINT needs a superuser; skipped
 * with a note otherwise), so a part is not measured while the server writes out the previous one.
 */
export async function settleServer(): Promise<string | null> {
  try {
    await adminQuery('CHECKPOINT');
    return null;
  } catch (error) {
    return `CHECKPOINT before this part refused (${(error as Error).message})`;
  }
}

/** A new, empty database `pos_bench_<random>_<what>`, dropped at clean-up. Returns its URL. */
export async function freshDatabase(what: string): Promise<string> {
  const database = await scratchDatabase(what);
  onCleanup(`database ${new URL(database.url).pathname.slice(1)}`, database.drop);
  return database.url;
}

export async function postgresVersion(): Promise<string> {
  const [row] = await adminQuery<{ v: string }>('SELECT version() AS v');
  return row?.v.split(' on ')[0] ?? 'PostgreSQL (unknown version)';
}

/**
 * Seconds until the hub has verified every sale of `db` (its chain verifier has read them all) and
 * a projection of the verified feed has them all (polled): by default the stock projector's (the
 * stock ledger); `reporting_projection`, the dashboard's facts and roll-ups.
 */
export async function secondsUntilProjected(db: Queryable, checkpoint: FeedCheckpoint = 'stock_projection'): Promise<number> {
  const from = Date.now();
  while ((await storesWithUnreadRecords(db)).length > 0 || (await storesBehind(db, checkpoint)).length > 0) await sleep(10);
  return (Date.now() - from) / 1000;
}

/** The hub's processes: `logFiles` holds the hub's log, then the projectors' when they run apart. */
export type HubProcess = {
  readonly url: string;
  /** The hub's process (`serve`). */
  readonly pid: number;
  readonly logFiles: readonly string[];
  readonly startedMs: number;
  stop(): Promise<void>;
};

/** The hub's bundle; BENCH_HUB_CLI runs another build (the code before a change, built in a worktree) under the same bench. */
const HUB_CLI = process.env.BENCH_HUB_CLI ?? path.join(repoRoot, 'sync-server', 'dist', 'cli.cjs');

/** Extra Node flags for the hub process, for investigations, e.g. BENCH_HUB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
export const HUB_NODE_ARGS = (process.env.BENCH_HUB_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

/**
 * Where the projectors run: in the hub's process (`serve`), beside it (`serve --without-projectors`
 * and `projectors`), or not yet (`serve --without-projectors`; the caller starts them, startProjectorsProcess).
 */
export type ProjectorsLayout = 'in-hub' | 'apart' | 'later';

/** One command of the hub's bundle in a process of its own, its stderr in a log file; resolves on its ready line. */
async function startCli(
  what: string,
  args: readonly string[],
  options: {
    databaseUrl: string;
    logDir: string;
    env?: Record<string, string>;
    ready: (child: ChildProcess, tail: () => string) => Promise<string>;
  },
) {
  const logFile = path.join(options.logDir, `${what}-${randomBytes(3).toString('hex')}.log`);
  const logStream = createWriteStream(logFile);
  const child = spawn(process.execPath, [...HUB_NODE_ARGS, HUB_CLI, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = track(child, `${what} process`);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.pipe(logStream);
  const tail = () => `${output}\n(${what} log: ${logFile})`;
  try {
    return { ready: await options.ready(child, tail), logFile, stop, pid: child.pid! };
  } catch (error) {
    const logText = await readFile(logFile, 'utf8').catch(() => '');
    await stop();
    throw new Error(`${(error as Error).message}\n${logText.slice(-2000)}`);
  }
}

/** Resolves when the process has printed `line`. */
function printed(line: string, what: string, timeoutMs: number) {
  return (child: ChildProcess, tail: () => string) =>
    new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${tail()}`)), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (!seen.includes(line)) return;
        clearTimeout(timer);
        resolve(line);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${what} stopped (exit ${code ?? signal}) before it was ready:\n${tail()}`));
      });
    });
}

/** The `projectors` command of the hub's bundle, its own process, on a database a hub has migrated. */
export async function startProjectorsProcess(options: { databaseUrl: string; logDir: string; env?: Record<string, string> }) {
  const started = await startCli('projectors', ['projectors'], {
    ...options,
    ready: printed('POS hub projectors running', 'the projectors', 60_000),
  });
  return { logFile: started.logFile, stop: started.stop, pid: started.pid };
}

/**
 * The hub as production runs it: `node sync-server/dist/cli.cjs serve` on PostgreSQL
 * (DATABASE_URL), its own process, its JSON logs (pino, LOG_LEVEL, info by default) in a file;
 * with `projectors: 'apart'`, `serve --without-projectors` and the `projectors` command beside it.
 */
export async function startHub(options: {
  databaseUrl: string;
  logDir: string;
  demoProducts?: number;
  env?: Record<string, string>;
  projectors?: ProjectorsLayout;
}): Promise<HubProcess> {
  if (!existsSync(HUB_CLI)) throw new Error('sync-server/dist/cli.cjs is missing: run "npm run build" first (npm run bench:sync does)');
  const apart = options.projectors === 'apart' || options.projectors === 'later';
  const started = Date.now();
  const hub = await startCli(
    'hub',
    [
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      ...(options.demoProducts !== undefined ? ['--demo-products', String(options.demoProducts)] : []),
      ...(apart ? ['--without-projectors'] : []),
    ],
    { ...options, ready: (child, tail) => hubReady(child, 'the hub', 30 * 60_000, tail) },
  );
  // Started once the hub has migrated the database.
  const projectors =
    options.projectors === 'apart'
      ? await startProjectorsProcess(options).catch(async (error: unknown) => {
          await hub.stop();
          throw error;
        })
      : null;
  return {
    url: hub.ready,
    pid: hub.pid,
    logFiles: projectors ? [hub.logFile, projectors.logFile] : [hub.logFile],
    startedMs: Date.now() - started,
    async stop() {
      await projectors?.stop();
      await hub.stop();
    },
  };
}

/** Lines of the hub's logs at level warn (40) or above, for the report. */
export async function hubWarnings(logFiles: readonly string[]): Promise<string[]> {
  const text = (await Promise.all(logFiles.map((file) => readFile(file, 'utf8').catch(() => '')))).join('\n');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) {
      // The command line's own lines (what the demo seed created…) are not warnings; stack traces are.
      if (/error|warn|exception/i.test(line)) out.push(line.trim());
      continue;
    }
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) >= 40) out.push(`${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`);
    } catch {
      out.push(line.slice(0, 200));
    }
  }
  return out;
}
