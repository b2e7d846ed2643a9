import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openTill } from './browser';
import { freePort } from './free-port';
import { signIn } from './till-page';
import { startTill, type TillProcess } from './till-process';

/** What the embedded hub writes in its data directory: its address, the demo administrator's token, its process. */
export async function hubFile(hubDir: string): Promise<{ url: string; adminToken: string; pid: number }> {
  return JSON.parse(await readFile(path.join(hubDir, 'hub.json'), 'utf8')) as { url: string; adminToken: string; pid: number };
}

export type EmbeddedHubTill = {
  readonly till: TillProcess;
  readonly page: Page;
  readonly hubDir: string;
  readonly hubPort: number;
  /** Closes the browser, stops the till (and its hub), removes both data directories. */
  stop(): Promise<void>;
};

/** What `npm start` gives: the till with its embedded hub (enrolled by itself), in Chromium, Camille signed in. */
export async function startEmbeddedHubTill(name: string): Promise<EmbeddedHubTill> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `pos-e2e-${name}-till-`));
  const hubDir = await mkdtemp(path.join(tmpdir(), `pos-e2e-${name}-hub-`));
  const hubPort = await freePort();
  const till = await startTill({ dataDir, args: ['--hub-data-dir', hubDir, '--hub-port', String(hubPort)] });
  const { context } = await launchChromium();
  const page = await openTill(context, till.url);
  await signIn(page, '1234');
  return {
    till,
    page,
    hubDir,
    hubPort,
    async stop() {
      await context.close();
      await till.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(hubDir, { recursive: true, force: true });
    },
  };
}
