import { spawn } from 'node:child_process';
import path from 'node:path';
import { startBrowserServer } from '../host/server/browser-server';
import { createTillHost } from '../host/till-host';
import { findElectronBinary } from './electron-binary';
import { parseLaunchOptions, UsageError, type LaunchOptions } from './launch-options';

declare const POS_APP_VERSION: string;
const appVersion = typeof POS_APP_VERSION === 'string' ? POS_APP_VERSION : '0.0.0-dev';

/** This file is bundled to electron/dist/start.cjs: the repository root is two levels up. */
const repoRoot = path.resolve(__dirname, '..', '..');

async function startBrowserMode(options: LaunchOptions): Promise<void> {
  const host = await createTillHost({ dataDir: options.dataDir, mode: 'browser', appVersion });
  const port = options.port ?? host.context.config.browserPort;
  const rendererDir = path.join(repoRoot, 'renderer', 'dist');
  let server;
  try {
    server = await startBrowserServer(host, { port, rendererDir });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is busy: using a free port instead.`);
    server = await startBrowserServer(host, { port: 0, rendererDir });
  }
  console.log(`Till host ready (browser mode), data in ${options.dataDir}`);
  console.log(`Open the till: ${server.url}`);
  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function startElectron(binary: string, options: LaunchOptions): void {
  const args = [path.join(__dirname, 'main.cjs'), '--data-dir', options.dataDir, ...(options.kiosk ? ['--kiosk'] : [])];
  const child = spawn(binary, args, { stdio: 'inherit', env: { ...process.env, POS_APP_VERSION: appVersion } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function main(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(2), process.env, repoRoot);
  if (!options.browser) {
    const electron = findElectronBinary({ download: process.env.POS_SKIP_ELECTRON_DOWNLOAD !== '1', fromDir: repoRoot });
    if (electron.ok) return startElectron(electron.path, options);
    console.log(`Electron is not available here: ${electron.reason}. Starting the till in browser mode instead.`);
  }
  await startBrowserMode(options);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `The till could not start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
