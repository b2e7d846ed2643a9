import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { enrollmentCodeIn, hubReady } from '../../electron/src/launch/embedded-hub';
import { repoRoot } from '../support/till-process';

const cli = path.join(repoRoot, 'sync-server', 'dist', 'cli.cjs');

export type HubProcess = { readonly url: string; readonly child: ChildProcess; kill9(): Promise<void>; stop(): Promise<void> };

/** The hub as its own process (`npm run hub -- serve`), so a test can kill it like a power cut. */
export async function startHubProcess(options: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  args?: readonly string[];
}): Promise<HubProcess> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', String(options.port), '--data-dir', options.dataDir, ...(options.args ?? [])],
    {
      env: { ...process.env, DATABASE_URL: options.databaseUrl ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await hubReady(child, 'The hub', 60_000, () => output);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A hub admin command (store create, till create, enroll…) against the hub serving `dataDir`. */
export function hubCommand(args: readonly string[], options: { dataDir: string; databaseUrl?: string }): string {
  const result = spawnSync(process.execPath, [cli, ...args, '--data-dir', options.dataDir], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: options.databaseUrl ?? '' },
  });
  if (result.status !== 0) throw new Error(`hub ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

export function enrollmentCode(output: string): string {
  const code = enrollmentCodeIn(output);
  if (!code) throw new Error(`no enrollment code in: ${output}`);
  return code;
}
