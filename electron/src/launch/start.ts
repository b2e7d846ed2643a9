import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadHostConfig } from '../host/config/host-config';
import { HostEventBus } from '../host/host-events';
import { loadOrCreateTillKey } from '../host/fiscal/key-store';
import { HubClient } from '../host/hub/hub-client';
import { startBrowserServer } from '../host/server/browser-server';
import { createTillHost } from '../host/till-host';
import { findElectronBinary } from './electron-binary';
import { issueEnrollmentCode, startEmbeddedHub, type EmbeddedHub } from './embedded-hub';
import { demoAdminLine } from './demo-admin';
import { startDemoTerminal, type DemoTerminal } from '@pos/hardware/fake';
import { parseLaunchOptions, UsageError, type LaunchOptions } from './launch-options';

declare const POS_APP_VERSION: string;
const appVersion = typeof POS_APP_VERSION === 'string' ? POS_APP_VERSION : '0.0.0-dev';

/** This file is bundled to electron/dist/start.cjs: the repository root is two levels up. */
const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * With no hub of its own configured, the till gets the embedded demo hub, and enrolls with it
 * automatically the first time, so a newcomer sees sync working. A till enrolled with another hub
 * (or started with --hub / --no-hub) is left alone.
 */
function enrolledWithAnotherHub(client: HubClient): boolean {
  return client.enrolled && !/^http:\/\/(127\.0\.0\.1|localhost):/.test(client.status().hubUrl ?? '');
}

async function enrolledElsewhere(options: LaunchOptions): Promise<boolean> {
  const config = await loadHostConfig(options.dataDir);
  const client = await HubClient.open({
    dataDir: options.dataDir,
    events: new HostEventBus(),
    identity: { storeId: config.storeId, tillId: config.tillId },
  });
  const elsewhere = enrolledWithAnotherHub(client);
  await client.close();
  return elsewhere;
}

/**
 * The demo store (and its demo staff, whose PINs the README publishes) only for a till that is
 * not a real store's: no hub given, and not enrolled with a hub other than the embedded one.
 */
async function isDemo(options: LaunchOptions): Promise<boolean> {
  return !options.hubUrl && !(await enrolledElsewhere(options));
}

async function prepareHub(options: LaunchOptions): Promise<EmbeddedHub | null> {
  if (options.noHub || options.hubUrl) return null;
  const config = await loadHostConfig(options.dataDir);
  const identity = { storeId: config.storeId, tillId: config.tillId };
  const events = new HostEventBus();
  // The till's signing key, made now if this is its first start: enrollment registers it at the hub.
  const key = await loadOrCreateTillKey(options.dataDir);
  const client = await HubClient.open({ dataDir: options.dataDir, events, identity, key });
  if (enrolledWithAnotherHub(client)) {
    await client.close();
    return null;
  }
  const hub = await startEmbeddedHub({ repoRoot, dataDir: options.hubDataDir, port: options.hubPort });
  console.log(`Embedded hub (demo store) at ${hub.url}, data in ${options.hubDataDir}`);
  // The hub serves the back office (sync-server/web) beside the tills' routes.
  console.log(`Back office (head office, in a browser): ${new URL('/office/', hub.url).href}`);
  const admin = demoAdminLine(options.hubDataDir);
  if (admin) console.log(admin);
  if (!client.enrolled || client.status().hubUrl !== new URL(hub.url).origin) {
    const code = issueEnrollmentCode({ repoRoot, dataDir: options.hubDataDir, ...identity });
    await client.enroll(hub.url, code);
    console.log(`Till ${identity.tillId} of store ${identity.storeId} enrolled with the embedded hub`);
  }
  await client.close();
  return hub;
}

/**
 * `--hub URL` reaches the till host (in this process or Electron's) as the address its enrollment
 * form offers; `--demo-terminal` as the terminal it pays with.
 */
function hostEnv(options: LaunchOptions, terminal: DemoTerminal | null, demo: boolean): NodeJS.ProcessEnv {
  return {
    ...process.env,
    POS_DEMO: demo ? '1' : '0',
    ...(options.hubUrl ? { POS_HUB_URL: options.hubUrl } : {}),
    ...(terminal ? { POS_TERMINAL_KIND: terminal.kind, POS_TERMINAL_ADDRESS: terminal.address } : {}),
  };
}

async function prepareDemoTerminal(options: LaunchOptions): Promise<DemoTerminal | null> {
  if (!options.demoTerminal) return null;
  const terminal = await startDemoTerminal(options.demoTerminal);
  console.log(`Demo ${terminal.kind} card terminal at ${terminal.address} (amounts ending in ,51 are refused, ,52 get no answer)`);
  return terminal;
}

async function startBrowserMode(
  options: LaunchOptions,
  hub: EmbeddedHub | null,
  terminal: DemoTerminal | null,
  demo: boolean,
): Promise<void> {
  const host = await createTillHost({ dataDir: options.dataDir, mode: 'browser', appVersion, demo, env: hostEnv(options, terminal, demo) });
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
  console.log(`Customer display (a second screen): ${server.customerUrl}`);
  const stop = async () => {
    await server.close();
    await host.close();
    await terminal?.close();
    await hub?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function startElectron(
  binary: string,
  options: LaunchOptions,
  hub: EmbeddedHub | null,
  terminal: DemoTerminal | null,
  demo: boolean,
): void {
  const args = [path.join(__dirname, 'main.cjs'), '--data-dir', options.dataDir, ...(options.kiosk ? ['--kiosk'] : [])];
  const child = spawn(binary, args, { stdio: 'inherit', env: { ...hostEnv(options, terminal, demo), POS_APP_VERSION: appVersion } });
  child.on('exit', (code) => {
    void Promise.all([hub?.stop(), terminal?.close()]).finally(() => process.exit(code ?? 0));
  });
}

async function main(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(2), process.env, repoRoot);
  const electron = options.browser
    ? null
    : findElectronBinary({ download: process.env.POS_SKIP_ELECTRON_DOWNLOAD !== '1', fromDir: repoRoot });
  // A hub that cannot start never keeps the till from selling: it syncs once the hub is back.
  const hub = await prepareHub(options).catch((error: unknown) => {
    console.log(`The embedded hub could not start (${(error as Error).message.split('\n')[0]}): the till runs without it.`);
    return null;
  });
  const terminal = await prepareDemoTerminal(options);
  const demo = await isDemo(options);
  if (electron?.ok) return startElectron(electron.path, options, hub, terminal, demo);
  if (electron) console.log(`Electron is not available here: ${electron.reason}. Starting the till in browser mode instead.`);
  await startBrowserMode(options, hub, terminal, demo);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `The till could not start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
