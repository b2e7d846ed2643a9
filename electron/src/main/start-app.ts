import path from 'node:path';
import type { App, BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { TillHost, TillHostOptions } from '../host/till-host-types';
import { resolveAppPaths } from './app-paths';
import type { AppPaths } from './app-paths';
import { resolveUpdateFeed, startAutoUpdates } from './auto-update';
import type { Updater } from './auto-update';
import { closeOnQuit } from './close-on-quit';
import { installContentSecurityPolicy } from './content-security-policy';
import { registerIpcRelay } from './ipc-relay';
import type { RelayIpcMain, RelayWindow } from './ipc-relay';
import { readLaunchOptions } from './launch-options';
import { guardPermissions, hardenAllWebContents } from './security';
import { claimSingleInstance } from './single-instance';
import type { InstanceWindow } from './single-instance';
import { customerScreen, customerWindowOptions, type ScreenInfo } from './customer-window';
import { createWindowOptions } from './window-options';
import { safeStorageProtector, type ShellSafeStorage } from './secret-protector';

export type ShellApp = Pick<
  App,
  'requestSingleInstanceLock' | 'on' | 'quit' | 'whenReady' | 'getPath' | 'isPackaged' | 'enableSandbox' | 'getVersion'
>;
export type ShellWindow = InstanceWindow & RelayWindow & Pick<BrowserWindow, 'once' | 'on' | 'loadFile' | 'close'>;
export type ShellSession = Parameters<typeof installContentSecurityPolicy>[0] & Parameters<typeof guardPermissions>[0];

/** Everything startApp touches from outside, so tests can hand it fakes and main.ts the real things. */
export type AppDeps = {
  readonly app: ShellApp;
  readonly ipcMain: RelayIpcMain;
  /** A getter: Electron's default session exists only once the app is ready. */
  readonly getSession: () => ShellSession;
  readonly createWindow: (options: BrowserWindowConstructorOptions) => ShellWindow;
  readonly createTillHost: (options: TillHostOptions) => Promise<TillHost>;
  /** A getter: electron-updater builds its platform updater on first access, which dev never needs. */
  readonly getUpdater: () => Updater;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder of main.cjs. */
  readonly mainDir: string;
  readonly resourcesPath: string;
  readonly fileExists: (file: string) => boolean;
  readonly log: (message: string) => void;
  /** The screens (Electron's screen module, once ready): where the customer window goes. */
  readonly getScreens?: () => { readonly screens: readonly ScreenInfo[]; readonly primaryId: number };
  /** Electron's safeStorage, once ready: the OS keychain that protects the device token and the signing key. */
  readonly getSafeStorage?: () => ShellSafeStorage;
  readonly platform?: NodeJS.Platform;
};

export type RunningTill = {
  readonly window: ShellWindow;
  readonly customerWindow: ShellWindow | null;
  readonly host: TillHost;
  readonly paths: AppPaths;
};

/**
 * The desktop till: one process, one hardened window on the till page, the till host in-process behind
 * the IPC relay. Resolves once the page has loaded, or with null in a second instance (which quits).
 */
export async function startApp(deps: AppDeps): Promise<RunningTill | null> {
  const { app } = deps;
  let window: ShellWindow | null = null;
  let customerWindow: ShellWindow | null = null;
  if (!claimSingleInstance(app, () => window)) return null;

  // Sandbox every renderer, whatever options some later window is created with.
  app.enableSandbox();
  const launch = readLaunchOptions(deps.argv, deps.env);
  const paths = resolveAppPaths({
    mainDir: deps.mainDir,
    isPackaged: app.isPackaged,
    resourcesPath: deps.resourcesPath,
    rendererOverride: launch.rendererIndex,
  });
  hardenAllWebContents(app, paths.appUrl);
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const protector = safeStorageProtector(deps.getSafeStorage?.(), deps.platform ?? process.platform);
  const host = await deps.createTillHost({
    mode: 'electron',
    dataDir: launch.dataDir ?? app.getPath('userData'),
    // The version of the app that seals, as packaged (package.json's), never a constant of the code.
    appVersion: app.getVersion(),
    // The launcher sets POS_DEMO for the demo store only: a real till never gets the demo staff.
    demo: deps.env.POS_DEMO === '1',
    ...(protector ? { secretProtector: protector } : {}),
  });
  const session = deps.getSession();
  installContentSecurityPolicy(session);
  guardPermissions(session, paths.appUrl);
  const disposeRelay = registerIpcRelay(
    deps.ipcMain,
    host,
    () => [window, customerWindow].filter((w): w is ShellWindow => w !== null),
    paths.appUrl,
  );
  let stopUpdates = (): void => {};
  closeOnQuit(
    app,
    async () => {
      stopUpdates();
      disposeRelay();
      await host.close();
    },
    deps.log,
  );

  const tillOptions = createWindowOptions({ preloadPath: paths.preload, kiosk: launch.kiosk, devTools: !app.isPackaged });
  const created = deps.createWindow(tillOptions);
  window = created;
  created.once('ready-to-show', () => created.show());
  created.on('closed', () => {
    window = null;
  });
  await created.loadFile(paths.rendererIndex);

  /** Opens or closes the customer's window to match the Devices screen's setting (at start, and when it changes). */
  let lastSetting = '';
  const syncCustomerWindow = async (): Promise<void> => {
    const setting = host.customerDisplay();
    const key = JSON.stringify(setting);
    if (key === lastSetting) return;
    lastSetting = key;
    const existing = customerWindow;
    if (existing) {
      customerWindow = null;
      existing.close();
    }
    const screens = deps.getScreens?.();
    const target = screens ? customerScreen(screens.screens, screens.primaryId, setting) : null;
    if (setting.window && !target) deps.log('Customer display: no second screen found; set the screen on the Devices screen.');
    if (!target) return;
    const customer = deps.createWindow(customerWindowOptions(tillOptions, target));
    customerWindow = customer;
    customer.once('ready-to-show', () => customer.show());
    customer.on('closed', () => {
      if (customerWindow === customer) customerWindow = null;
    });
    await customer.loadFile(paths.rendererIndex, { query: { view: 'customer' } });
  };
  await syncCustomerWindow();
  host.on('device.status', (status) => {
    if (status.role === 'customer-display')
      void syncCustomerWindow().catch((error: unknown) => deps.log(`Customer display: ${String(error)}`));
  });

  const feed = resolveUpdateFeed({
    isPackaged: app.isPackaged,
    updateUrl: launch.updateUrl,
    // Only a package has a resources folder worth looking in.
    embeddedConfigExists: app.isPackaged && deps.fileExists(path.join(deps.resourcesPath, 'app-update.yml')),
  });
  if (feed !== null) stopUpdates = startAutoUpdates(deps.getUpdater(), feed, deps.log);
  return {
    window: created,
    get customerWindow() {
      return customerWindow;
    },
    host,
    paths,
  };
}
