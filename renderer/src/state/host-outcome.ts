import { PosError } from '@pos/core';
import { services } from './services';

/** No answer from the host: what was asked may or may not be done (a seal may be in the journal). */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof PosError && (error.code === 'HOST_UNAVAILABLE' || error.code === 'TIMEOUT');
}

/** Resolves once the host is back (after a second when it looks connected, so a retry does not spin). */
export function waitForHost(): Promise<void> {
  const { bridge } = services();
  return new Promise((resolve) => {
    if (bridge.connection() === 'connected') {
      setTimeout(resolve, 1000);
      return;
    }
    const off = bridge.onConnection((state) => {
      if (state === 'connected') {
        off();
        resolve();
      }
    });
  });
}
