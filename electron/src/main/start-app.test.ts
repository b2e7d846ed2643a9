import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_INVOKE_CHANNEL } from '@pos/core';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { startApp } from './start-app';
import type { AppDeps } from './start-app';
import type { TillHostOptions } from '../host/till-host-types';
import {
  FakeApp,
  FakeIpcMain,
  FakeSafeStorage,
  FakeSession,
  FakeWebContents,
  FakeWindow,
  fakeEvent,
  fakeHost,
} from './test-support/fake-electron';

vi.mock('electron', () => ({}));

const mainDir = path.resolve('/repo/electron/dist');
const rendererIndex = path.resolve('/repo/renderer/dist/index.html');
const appUrl = pathToFileURL(rendererIndex).href;

function setup(overrides: Partial<AppDeps> = {}) {
  const app = new FakeApp();
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  const host = fakeHost();
  const windows: FakeWindow[] = [];
  const updater = { setFeedURL: vi.fn(), checkForUpdates: vi.fn(async () => null) };
  const deps = {
    app,
    ipcMain,
    getSession: () => session,
    createWindow: vi.fn((options: unknown) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window;
    }),
    createTillHost: vi.fn(async () => host),
    getUpdater: vi.fn(() => updater),
    argv: ['electron', '.'],
    env: {},
    mainDir,
    resourcesPath: '/opt/pos/resources',
    fileExists: vi.fn(() => false),
    log: vi.fn(),
    ...overrides,
  };
  return { app, ipcMain, session, host, windows, updater, deps: deps as unknown as AppDeps, spies: deps };
}

describe('startApp', () => {
  it('starts the till host in electron mode on the per-user data folder by default', async () => {
    const { deps, spies, app } = setup();
    await startApp(deps);
    expect(spies.createTillHost).toHaveBeenCalledWith(expect.objectContaining({ mode: 'electron', dataDir: '/fake/userData' }));
    expect(app.getPath).toHaveBeenCalledWith('userData');
  });

  it('seals the packaged app version, never a constant, and is the demo store only when the launcher says so', async () => {
    const { deps, spies } = setup();
    await startApp(deps);
    expect(spies.createTillHost).toHaveBeenCalledWith(expect.objectContaining({ appVersion: '1.4.2', demo: false }));
    const demo = setup({ env: { POS_DEMO: '1' } });
    await startApp(demo.deps);
    expect(demo.spies.createTillHost).toHaveBeenCalledWith(expect.objectContaining({ demo: true }));
  });

  it('protects the device token and the signing key with the OS keychain (safeStorage), not with Linux’s fixed password', async () => {
    const keychain = new FakeSafeStorage();
    const { deps, spies } = setup({ getSafeStorage: () => keychain, platform: 'linux' });
    await startApp(deps);
    const options = (spies.createTillHost as unknown as Mock).mock.calls[0]![0] as TillHostOptions;
    expect(options.secretProtector?.decrypt(options.secretProtector.encrypt('token-1'))).toBe('token-1');
    expect(keychain.encryptString).toHaveBeenCalledWith('token-1');
    const basic = new FakeSafeStorage();
    basic.backend = 'basic_text';
    const weak = setup({ getSafeStorage: () => basic, platform: 'linux' });
    await startApp(weak.deps);
    expect(((weak.spies.createTillHost as unknown as Mock).mock.calls[0]![0] as TillHostOptions).secretProtector).toBeUndefined();
    const none = new FakeSafeStorage();
    none.available = false;
    const without = setup({ getSafeStorage: () => none, platform: 'darwin' });
    await startApp(without.deps);
    expect(((without.spies.createTillHost as unknown as Mock).mock.calls[0]![0] as TillHostOptions).secretProtector).toBeUndefined();
  });

  it('takes the data folder from --data-dir, else POS_DATA_DIR', async () => {
    const fromArg = setup({ argv: ['pos', '--data-dir=/srv/till'], env: { POS_DATA_DIR: '/env/till' } });
    await startApp(fromArg.deps);
    expect(fromArg.spies.createTillHost).toHaveBeenCalledWith(expect.objectContaining({ mode: 'electron', dataDir: '/srv/till' }));
    const fromEnv = setup({ env: { POS_DATA_DIR: '/env/till' } });
    await startApp(fromEnv.deps);
    expect(fromEnv.spies.createTillHost).toHaveBeenCalledWith(expect.objectContaining({ mode: 'electron', dataDir: '/env/till' }));
  });

  it('sandboxes every renderer and hardens every web contents before the app is ready', async () => {
    const { deps, app } = setup();
    await startApp(deps);
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    const stray = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), stray);
    expect(stray.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('puts the content security policy and the permission guards on the default session', async () => {
    const { deps, session } = setup();
    await startApp(deps);
    const callback = vi.fn();
    session.headersListener!({ url: appUrl, responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    const granted = vi.fn();
    session.permissionRequestHandler!(null, 'media', granted, { requestingUrl: appUrl });
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('opens one hardened window with the preload, loads the renderer file and shows it when ready', async () => {
    const { deps, windows } = setup();
    const running = await startApp(deps);
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(running?.window).toBe(window);
    expect(window!.options).toMatchObject({
      kiosk: false,
      minWidth: 1024,
      minHeight: 768,
      show: false,
      webPreferences: {
        preload: path.join(mainDir, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: true,
      },
    });
    expect(window!.loadFile).toHaveBeenCalledWith(rendererIndex);
    expect(window!.show).not.toHaveBeenCalled();
    window!.emit('ready-to-show');
    expect(window!.show).toHaveBeenCalled();
  });

  it('goes kiosk, without developer tools, for a packaged till started with --kiosk', async () => {
    const { deps, windows, app } = setup({ argv: ['pos', '--kiosk'] });
    app.isPackaged = true;
    await startApp(deps);
    expect(windows[0]!.options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { devTools: false } });
    expect(windows[0]!.loadFile).toHaveBeenCalledWith(path.join('/opt/pos/resources', 'renderer', 'index.html'));
  });

  it('relays the window’s calls to the host, and nobody else’s', async () => {
    const { deps, windows, ipcMain, host } = setup();
    await startApp(deps);
    const window = windows[0]!;
    const reply = await ipcMain.invoke(
      IPC_INVOKE_CHANNEL,
      { sender: window.webContents, senderFrame: { url: appUrl, parent: null } },
      'host.hello',
    );
    expect(reply).toMatchObject({ ok: true });
    expect(host.invoke).toHaveBeenCalledWith('host.hello', undefined);
    const foreign = await ipcMain.invoke(
      IPC_INVOKE_CHANNEL,
      { sender: new FakeWebContents(), senderFrame: { url: appUrl, parent: null } },
      'host.hello',
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.invoke).toHaveBeenCalledTimes(1);
  });

  it('forgets the window once it is closed, and quits when it was the last', async () => {
    const { deps, windows, app, ipcMain, host } = setup();
    await startApp(deps);
    const window = windows[0]!;
    window.emit('closed');
    const reply = await ipcMain.invoke(
      IPC_INVOKE_CHANNEL,
      { sender: window.webContents, senderFrame: { url: appUrl, parent: null } },
      'host.hello',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.invoke).not.toHaveBeenCalled();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('closes the host once on quit, after removing the relay', async () => {
    const { deps, app, host, ipcMain } = setup();
    await startApp(deps);
    app.emit('before-quit', fakeEvent());
    app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(host.close).toHaveBeenCalledTimes(1);
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL);
    expect(host.listenerCount()).toBe(0);
  });

  it('in a second instance, quits and starts nothing', async () => {
    const { deps, app, spies, windows } = setup();
    app.hasLock = false;
    expect(await startApp(deps)).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(spies.createTillHost).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  it('never looks for updates in development, even with a feed configured', async () => {
    const { deps, spies } = setup({ env: { POS_UPDATE_URL: 'https://updates.example/till/' } });
    await startApp(deps);
    expect(spies.getUpdater).not.toHaveBeenCalled();
  });

  it('in a package, uses POS_UPDATE_URL as a generic feed, else the embedded app-update.yml, else nothing', async () => {
    const withUrl = setup({ env: { POS_UPDATE_URL: 'https://updates.example/till/' } });
    withUrl.app.isPackaged = true;
    await startApp(withUrl.deps);
    expect(withUrl.updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example/till/' });
    expect(withUrl.updater.checkForUpdates).toHaveBeenCalled();

    const embedded = setup({ fileExists: vi.fn((file: string) => file === path.join('/opt/pos/resources', 'app-update.yml')) });
    embedded.app.isPackaged = true;
    await startApp(embedded.deps);
    expect(embedded.updater.setFeedURL).not.toHaveBeenCalled();
    expect(embedded.updater.checkForUpdates).toHaveBeenCalled();

    const none = setup();
    none.app.isPackaged = true;
    await startApp(none.deps);
    expect(none.spies.getUpdater).not.toHaveBeenCalled();
  });
});

describe('the customer window', () => {
  const screens = {
    screens: [
      { id: 1, bounds: { x: 0, y: 0, width: 1024, height: 768 } },
      { id: 2, bounds: { x: 1024, y: 0, width: 800, height: 480 } },
    ],
    primaryId: 1,
  };

  it('opens on the second screen, unfocusable and hardened like the till, and gets the host events', async () => {
    const { deps, host, windows } = setup({ getScreens: () => screens });
    host.customerDisplay.mockReturnValue({ window: true, screen: null });
    const running = await startApp(deps);
    expect(windows).toHaveLength(2);
    const customer = windows[1]!;
    expect(customer.options).toMatchObject({
      x: 1024,
      y: 0,
      width: 800,
      height: 480,
      focusable: false,
      fullscreen: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
    });
    expect(customer.loadFile).toHaveBeenCalledWith(rendererIndex, { query: { view: 'customer' } });
    expect(running?.customerWindow).toBe(customer);
    host.emit('display.state', { phase: 'idle', currency: 'EUR', total: 0, lines: [] });
    expect(customer.webContents.send).toHaveBeenCalled();
  });

  it('opens and closes as the manager switches it on the Devices screen, without a restart', async () => {
    const { deps, host, windows } = setup({ getScreens: () => screens });
    const running = await startApp(deps);
    expect(windows).toHaveLength(1);
    host.customerDisplay.mockReturnValue({ window: true, screen: 1 });
    host.emit('device.status', { role: 'customer-display', label: 'Window on screen 1', state: 'ready' });
    await vi.waitFor(() => expect(windows).toHaveLength(2));
    expect(running?.customerWindow).toBe(windows[1]);
    host.customerDisplay.mockReturnValue({ window: false, screen: 1 });
    host.emit('device.status', { role: 'customer-display', label: 'Off', state: 'off' });
    await vi.waitFor(() => expect(windows[1]!.close).toHaveBeenCalled());
    expect(running?.customerWindow).toBeNull();
  });

  it('is not opened when it is not wanted, or when there is no second screen (and says why)', async () => {
    const off = setup({ getScreens: () => screens });
    await startApp(off.deps);
    expect(off.windows).toHaveLength(1);
    const single = setup({ getScreens: () => ({ screens: screens.screens.slice(0, 1), primaryId: 1 }) });
    single.host.customerDisplay.mockReturnValue({ window: true, screen: null });
    await startApp(single.deps);
    expect(single.windows).toHaveLength(1);
    expect(single.spies.log).toHaveBeenCalledWith(expect.stringMatching(/no second screen/));
  });
});
