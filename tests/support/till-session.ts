import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openTill } from './browser';
import { signIn } from './till-page';
import { startTill, type TillProcess } from './till-process';

export type TillSession = { dataDir: string; till: TillProcess; context: BrowserContext; page: Page };

/**
 * One till host and one Chromium for a describe block: started before its tests, stopped and
 * removed after. `env` is read when the host starts (so it may use values set up just before).
 */
export function useTillSession(options: { prefix: string; env: () => Record<string, string>; pin?: string }): TillSession {
  const session = {} as TillSession;
  beforeAll(async () => {
    session.dataDir = await mkdtemp(path.join(tmpdir(), options.prefix));
    session.till = await startTill({ dataDir: session.dataDir, env: options.env() });
    session.context = (await launchChromium()).context;
    session.page = await openTill(session.context, session.till.url);
    if (options.pin) await signIn(session.page, options.pin);
  });
  afterAll(async () => {
    await session.context?.close();
    await session.till?.stop();
    if (session.dataDir) await rm(session.dataDir, { recursive: true, force: true });
  });
  return session;
}
