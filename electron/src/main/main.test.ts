import path from 'node:path';
import { IPC_INVOKE_CHANNEL } from '@pos/core';
import { describe, expect, it, vi } from 'vitest';
import type { FakeApp, FakeIpcMain, FakeWindow } from './test-support/fake-electron';

/**
 * main.ts runs on import, against the real 'electron' module: stubbed here at that boundary. The till
 * host factory is the lead's module and is replaced by a fake; electron-updater is stubbed because it is
 * Electron's own updater (it requires 'electron' inside).
 */
vi.mock('electron', async () => {
  const fakes = await import('./test-support/fake-electron');
  const windows: FakeWindow[] = [];
  class BrowserWindow extends fakes.FakeWindow {
    constructor(options: unknown) {
      super(options);
      windows.push(this);
    }
  }
  return {
    app: new fakes.FakeApp(),
    ipcMain: new fakes.FakeIpcMain(),
    session: { defaultSession: new fakes.FakeSession() },
    dialog: { showErrorBox: vi.fn() },
    // One screen: no customer window.
    screen: { getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1024, height: 768 } }], getPrimaryDisplay: () => ({ id: 1 }) },
    safeStorage: new fakes.FakeSafeStorage(),
    BrowserWindow,
    windows,
  };
});
vi.mock('electron-updater', () => ({ autoUpdater: { setFeedURL: vi.fn(), checkForUpdates: vi.fn() } }));
vi.mock('../host/till-host', async () => {
  const { fakeHost } = await import('./test-support/fake-electron');
  return { createTillHost: vi.fn(async () => fakeHost()) };
});

type StubbedElectron = { app: FakeApp; ipcMain: FakeIpcMain; windows: FakeWindow[]; dialog: { showErrorBox: ReturnType<typeof vi.fn> } };

describe('main.ts', () => {
  it('starts the till with the real collaborators: host, relay, one hardened window on the renderer file', async () => {
    const electron = (await import('electron')) as unknown as StubbedElectron;
    const { createTillHost } = await import('../host/till-host');
    const { autoUpdater } = await import('electron-updater');
    await import('./main');

    await vi.waitFor(() => expect(electron.windows[0]?.loadFile).toHaveBeenCalled());
    // The real safeStorage and app version reach the host: the token and the key are kept in the OS keychain.
    expect(createTillHost).toHaveBeenCalledWith(
      expect.objectContaining({
        mode: 'electron',
        dataDir: process.env.POS_DATA_DIR ?? '/fake/userData',
        appVersion: '1.4.2',
        secretProtector: expect.anything(),
      }),
    );
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.ipcMain.handlers.has(IPC_INVOKE_CHANNEL)).toBe(true);

    const window = electron.windows[0]!;
    expect(window.options).toMatchObject({
      webPreferences: { preload: path.join(import.meta.dirname, 'preload.cjs'), sandbox: true, contextIsolation: true },
    });
    const loaded = window.loadFile.mock.calls[0]![0];
    expect(loaded).toBe(path.resolve(import.meta.dirname, '..', '..', 'renderer', 'dist', 'index.html'));
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
