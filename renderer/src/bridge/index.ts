import type { HostBridge } from './host-bridge';
import { createIpcBridge, preloadApi } from './ipc-bridge';
import { createSocketBridge, socketUrlFromLocation } from './socket-bridge';

export type { ConnectionState, HostBridge } from './host-bridge';

export class NoHostError extends Error {}

/** Electron gives us window.pos; a browser gets the socket URL from the address it was opened with. */
export function connectToHost(): HostBridge {
  const api = preloadApi();
  if (api) return createIpcBridge(api);
  const url = socketUrlFromLocation(window.location, window.sessionStorage, window.history);
  if (!url) throw new NoHostError('Open the till with the address the till host printed (it carries its access token).');
  return createSocketBridge({ url });
}
