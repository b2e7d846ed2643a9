import type { App } from 'electron';

/** Long enough for the host to flush its journal and release devices; short enough that quitting never hangs. */
export const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Holds the first quit until `close` has finished (or timed out), then quits for real. Later quit
 * requests while closing are absorbed, so the host is closed exactly once.
 */
export function closeOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  close: () => Promise<void>,
  log: (message: string) => void,
  timeoutMs: number = CLOSE_TIMEOUT_MS,
): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    withTimeout(start(close), timeoutMs)
      .catch((error: unknown) => log(`Closing the till host failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

/** Starts the work now, turning a synchronous throw into a rejection. */
function start(work: () => Promise<void>): Promise<void> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
