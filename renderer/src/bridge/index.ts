import type { HostBridge } from './host-bridge';
import { createIpcBridge, preloadApi } from './ipc-bridge';
import { createSocketBridge, socketAddressFromLocation } from './socket-bridge';

export type { ConnectionState, HostBridge } from './host-bridge';

export class NoHostError extends Error {}

/** Electron gives us window.pos; a browser gets the socket URL from the address it was opened with. */
export function connectToHost(): HostBridge {
  const api = preloadApi();
  if (api) return createIpcBridge(api);
  const address = socketAddressFromLocation(window.location, window.sessionStorage, window.history);
  if (!address) throw new NoHostError('Open the till with the address the till host printed (it carries its access token).');
  // The address printed by a restarted host differs only by its fragment: no page load happens, so start afresh.
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(window.location.hash.slice(1)).has('token')) window.location.reload();
  });
  const checkToken = () =>
    fetch('/token-check', { headers: { 'x-till-token': address.token } }).then(
      (r) => (r.status === 401 ? false : r.ok ? true : null),
      () => null,
    );
  return createSocketBridge({ url: address.url, checkToken });
}
