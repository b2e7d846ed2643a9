import { contextBridge, ipcRenderer } from 'electron';
import { createPosApi } from './pos-api';

/**
 * The sandboxed preload, bundled by electron/build.mjs to electron/dist/preload.cjs. The page gets one
 * object, `window.pos`, with `invoke` and `on` and nothing else.
 */
contextBridge.exposeInMainWorld('pos', createPosApi(ipcRenderer));
