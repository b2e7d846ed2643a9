import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type EmbeddedHub = { readonly url: string; readonly child: ChildProcess; stop(): Promise<void> };

/**
 * The hub a newcomer's `npm start` runs beside the till: the sync server on PGlite (no database
 * to install) with the demo store seeded, on 127.0.0.1. A real deployment points the till at its
 * chain's hub instead (POS_HUB_URL or --hub).
 */
export async function startEmbeddedHub(options: { repoRoot: string; dataDir: string; port: number }): Promise<EmbeddedHub> {
  const cli = hubCli(options.repoRoot);
  const child = spawn(process.execPath, [cli, 'serve', '--demo', '--host', '127.0.0.1', '--port', String(options.port), '--data-dir', options.dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The embedded hub did not start within 60 s:\n${output.slice(-2000)}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /POS hub ready at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded hub stopped (exit ${code}):\n${output.slice(-2000)}`));
    });
  });
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
  const match = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(result.stdout ?? '');
  if (result.status !== 0 || !match?.[1]) {
    throw new Error(`The embedded hub gave no enrollment code: ${(result.stderr || result.stdout || '').trim().slice(0, 500)}`);
  }
  return match[1];
}

function hubCli(repoRoot: string): string {
  const cli = path.join(repoRoot, 'sync-server', 'dist', 'cli.cjs');
  if (!existsSync(cli)) throw new Error('sync-server/dist/cli.cjs is missing: run "npm run build" first');
  return cli;
}
