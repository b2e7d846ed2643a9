import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isMethodName, toEnvelope } from '@pos/core';
import type { ErrorEnvelope, InvokeReply } from '@pos/core';
import type { TillHost } from '../host/till-host-types';
import { isAppPage } from './app-page';

export type RelayIpcMain = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type RelayWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'send' | 'getURL' | 'isDestroyed'>;
};
export type RelayHost = Pick<TillHost, 'invoke' | 'onAny'>;
type SenderEvent = Pick<IpcMainInvokeEvent, 'sender'> & {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
};

/**
 * The main process's only IPC door: one invoke channel relayed to the till host and one event channel
 * back. Main does not trust the renderer: a call from anything but our window's top frame on the till
 * page is refused, and a name outside the contract never reaches the host.
 * Returns a disposer that closes both directions.
 */
export function registerIpcRelay(
  ipcMain: RelayIpcMain,
  host: RelayHost,
  getWindows: () => readonly RelayWindow[],
  appUrl: string,
): () => void {
  const handler = async (event: SenderEvent, name: unknown, request: unknown): Promise<InvokeReply> => {
    if (!isTrustedSender(event, getWindows(), appUrl)) {
      return refuse({ code: 'FORBIDDEN', message: 'IPC call from a frame that is not the till page' });
    }
    if (!isMethodName(name)) {
      return refuse({ code: 'UNKNOWN_METHOD', message: `Unknown host method ${describe(name)}` });
    }
    try {
      return await host.invoke(name, request);
    } catch (error) {
      // The host promises never to throw; if it does anyway, the renderer still gets an envelope.
      return refuse(toEnvelope(error));
    }
  };
  ipcMain.handle(IPC_INVOKE_CHANNEL, handler);

  const unsubscribe = host.onAny((event, payload) => {
    for (const window of getWindows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
      // Never hand host events to a window that is somehow not on the till page.
      if (!isAppPage(window.webContents.getURL(), appUrl)) continue;
      window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}

function isTrustedSender(event: SenderEvent, windows: readonly RelayWindow[], appUrl: string): boolean {
  const frame = event.senderFrame;
  // Null when the frame navigated away or died after sending: nothing to answer to.
  if (frame === null) return false;
  // The till has no iframes: only the top frame speaks for it.
  if (frame.parent !== null) return false;
  const ours = windows.some((window) => !window.isDestroyed() && window.webContents === event.sender);
  return ours && isAppPage(frame.url, appUrl);
}

function refuse(error: ErrorEnvelope): InvokeReply {
  return { ok: false, error };
}

/** Enough to debug a bad call, without echoing an arbitrary renderer value into logs. */
function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `(a ${typeof name})`;
}
