import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const startScript = path.join(repoRoot, 'electron', 'dist', 'start.cjs');

export type TillProcess = {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Like a power cut: no clean-up, no flush beyond what was already fsynced. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Starts the real till host in browser mode, as `npm start -- --browser` does, and waits for the
 * URL it prints. Needs `npm run build` first (the e2e script does it).
 */
export async function startTill(options: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra launcher options; without a hub option the till runs with no hub (`--no-hub`). */
  args?: readonly string[];
}): Promise<TillProcess> {
  if (!existsSync(startScript)) throw new Error('electron/dist/start.cjs is missing: run "npm run build" first');
  const hubArgs = options.args?.some((a) => a.startsWith('--hub')) ? [] : ['--no-hub'];
  const args = [
    startScript,
    '--browser',
    '--data-dir',
    options.dataDir,
    '--port',
    String(options.port ?? 0),
    ...hubArgs,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, POS_SKIP_ELECTRON_DOWNLOAD: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Till host did not start in time:\n${output}`)), 90_000);
    const check = () => {
      const match = /Open the till: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Till host exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
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
