import { existsSync } from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { createTillHost } from '../host/till-host';
import { startApp } from './start-app';

/**
 * The Electron entry, bundled by electron/build.mjs to electron/dist/main.cjs. All decisions live in
 * startApp; this file only hands it the real Electron objects. `__dirname` is the bundle's folder
 * (dist/), where preload.cjs sits too.
 */
startApp({
  app,
  ipcMain,
  getSession: () => session.defaultSession,
  createWindow: (options) => new BrowserWindow(options),
  createTillHost,
  getUpdater: () => autoUpdater,
  argv: process.argv,
  env: process.env,
  mainDir: __dirname,
  resourcesPath: process.resourcesPath,
  fileExists: existsSync,
  log: (message) => console.log(`[pos] ${message}`),
  getScreens: () => ({ screens: screen.getAllDisplays(), primaryId: screen.getPrimaryDisplay().id }),
  getSafeStorage: () => safeStorage,
  platform: process.platform,
}).catch((error: unknown) => {
  console.error(error);
  dialog.showErrorBox('The till could not start', error instanceof Error ? error.message : String(error));
  app.quit();
});
