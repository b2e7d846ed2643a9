import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const preload = path.join(import.meta.dirname, 'shifted-clock.cjs');
const { shiftDate } = createRequire(import.meta.url)(preload) as { shiftDate: (scope: object, shiftMs: number) => void };

/** Where a page finds its shift when it loads (the till's origin keeps it across reloads). */
const KEY = 'pos-e2e-clock-shift';

/** The till host's environment with its clock moved by `shiftMs` (that process only: its children keep the real time). */
export function shiftedClockEnv(shiftMs: number): Record<string, string> {
  return { NODE_OPTIONS: `--require ${preload}`, POS_TEST_CLOCK_SHIFT_MS: String(Math.round(shiftMs)) };
}

/**
 * Moves the clock of every page of `context` by the shift its origin holds (none at first): a
 * till is one machine, so its screen and its host share one clock.
 */
export async function shiftBrowserClock(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: `(() => {
      let shift = 0;
      try { shift = Number(localStorage.getItem(${JSON.stringify(KEY)})) || 0; } catch { /* no storage here (about:blank) */ }
      (${shiftDate.toString()})(globalThis, shift);
    })();`,
  });
}

/** Sets the shift the page's origin holds; it applies from the page's next load. */
export async function setBrowserShift(page: Page, shiftMs: number): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, String(Math.round(shiftMs))] as const);
}
