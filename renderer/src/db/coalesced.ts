/**
 * Runs `task` on request, never twice at once: requests that arrive while it runs are folded into
 * one more run after it, so the last request is always followed by a complete run.
 */
export function coalesced(task: () => Promise<void>): { request(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await task();
    } while (again);
  };
  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
