import { afterEach } from 'vitest';

export type Cleanups = { push(cleanup: () => Promise<void>): void };

/** What a test opened, closed after it in reverse order: a driver before the rig it talks to. */
export function cleanupsAfterEach(): Cleanups {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return { push: (cleanup) => void cleanups.push(cleanup) };
}
