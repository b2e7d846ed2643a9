import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type EmbeddedHub = { readonly url: string; readonly child: ChildProcess; stop(): Promise<void> };

/** The line the hub's `serve` prints on stdout once it listens, with its URL. */
const HUB_READY_LINE = /POS hub ready at (\S+)/;

/**
 * Resolves to the URL a starting `serve` prints; rejects when the process exits first or is not
 * ready within `timeoutMs`, with `output()` (what the caller kept of it) in the message. Shared by
 * the launcher, the tests and the benchmarks, which all run the hub as its own process.
 */
export function hubReady(child: ChildProcess, what: string, timeoutMs: number, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${output().slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = HUB_READY_LINE.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} stopped (exit ${code ?? signal}) before it was ready:\n${output().slice(-2000)}`));
    });
  });
}

/** The one-time enrollment code (ABCD-EFGH-JKLM) in what the hub's `enroll` command printed, if any. */
export function enrollmentCodeIn(text: string): string | null {
  return /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1] ?? null;
}

/**
 * The hub a newcomer's `npm start` runs beside the till: the sync server on PGlite (no database
 * to install) with the demo store seeded, on 127.0.0.1. A real deployment points the till at its
 * chain's hub instead (POS_HUB_URL or --hub).
 */
export async function startEmbeddedHub(options: { repoRoot: string; dataDir: string; port: number }): Promise<EmbeddedHub> {
  const cli = hubCli(options.repoRoot);
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--demo', '--host', '127.0.0.1', '--port', String(options.port), '--data-dir', options.dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await hubReady(child, 'The embedded hub', 60_000, () => output);
  // Its JSON logs are for the hub's operator; the till's console stays readable.
  child.stderr?.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A one-time enrollment code for a till of the embedded hub, from its own command line. */
export function issueEnrollmentCode(options: { repoRoot: string; dataDir: string; storeId: string; tillId: string }): string {
  const result = spawnSync(
    process.execPath,
    [hubCli(options.repoRoot), 'enroll', '--store', options.storeId, '--till', options.tillId, '--data-dir', options.dataDir],
    { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATABASE_URL: '' } },
  );
  const code = enrollmentCodeIn(result.stdout ?? '');
  if (result.status !== 0 || !code) {
    throw new Error(`The embedded hub gave no enrollment code: ${(result.stderr || result.stdout || '').trim().slice(0, 500)}`);
  }
  return code;
}

function hubCli(repoRoot: string): string {
  const cli = path.join(repoRoot, 'sync-server', 'dist', 'cli.cjs');
  if (!existsSync(cli)) throw new Error('sync-server/dist/cli.cjs is missing: run "npm run build" first');
  return cli;
}
