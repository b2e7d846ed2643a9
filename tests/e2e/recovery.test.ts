import { readdir, readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { freePort } from '../support/free-port';
import { cartRows, donePanel, history, openPayment, scan, signIn } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const bread = demoProduct(103);
const soap = demoProduct(107);

async function journalSales(dataDir: string): Promise<unknown[]> {
  const dir = path.join(dataDir, 'journal');
  const lines = (
    await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.jsonl')).map((f) => readFile(path.join(dir, f), 'utf8')))
  )
    .join('')
    .split('\n');
  return lines
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { chain: string })
    .filter((r) => r.chain === 'sale');
}

async function sellExact(page: Page, code: string): Promise<void> {
  await scan(page, code);
  await expect.poll(() => cartRows(page).count()).toBeGreaterThan(0);
  const region = await openPayment(page);
  await region.getByRole('button', { name: 'Montant exact' }).click();
}

describe.skipIf(!browserAvailable())('nothing lost, nothing doubled', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  });

  async function setup(env: Record<string, string> = {}) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-recovery-'));
    const port = await freePort();
    const till = await startTill({ dataDir, port, env: { POS_PRINTER: 'none', ...env } });
    const browser = await launchChromium();
    const state: { till: TillProcess; context: BrowserContext; profileDir: string; dataDir: string; port: number } = {
      till,
      context: browser.context,
      profileDir: browser.profileDir,
      dataDir,
      port,
    };
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanup.push(() => rm(browser.profileDir, { recursive: true, force: true }));
    cleanup.push(() => state.context.close());
    cleanup.push(() => state.till.stop());
    return state;
  }

  it('restores, once, a sale sealed just before the host died (kill between seal and RxDB write)', async () => {
    const s = await setup({ POS_FAULT: 'crash-after-seal' });
    let page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    await sellExact(page, bread.barcodes[0]!);
    // The host is killed after the fsync, before it answers: the till waits, it does not fail the sale.
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'ne répond pas' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await journalSales(s.dataDir)).toHaveLength(1);

    s.till = await startTill({ dataDir: s.dataDir, port: s.port, env: { POS_PRINTER: 'none' } });
    page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    await page.getByRole('status').filter({ hasText: 'reprise, une seule fois' }).waitFor();
    expect(await cartRows(page).count()).toBe(0);
    const panel = await history(page);
    await expect.poll(() => panel.getByRole('button', { name: /^Voir le ticket/ }).count()).toBe(1);
    expect(await journalSales(s.dataDir)).toHaveLength(1);
  });

  it('brings every sale back from the host journal when the browser IndexedDB is deleted', async () => {
    const s = await setup();
    let page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    for (const product of [bread, soap, bread]) {
      await sellExact(page, product.barcodes[0]!);
      await donePanel(page).waitFor();
    }
    await s.context.close();
    await rm(path.join(s.profileDir, 'Default', 'IndexedDB'), { recursive: true, force: true });
    s.context = (await launchChromium(s.profileDir)).context;
    page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    const panel = await history(page);
    for (const n of [1, 2, 3]) {
      await expect.poll(() => panel.getByRole('button', { name: `Voir le ticket S001-T01-00000${n}` }).count()).toBe(1);
    }
    expect(await panel.getByRole('button', { name: /^Voir le ticket/ }).count()).toBe(3);
  });

  it('keeps the cart through a host restart mid-sale and completes it once', async () => {
    const s = await setup();
    let page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    await scan(page, bread.barcodes[0]!);
    await scan(page, soap.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(2);
    await s.till.stop();
    await expect.poll(() => page.getByRole('status', { name: /Poste: déconnecté|Poste: redémarré/ }).count(), { timeout: 15_000 }).toBe(1);
    s.till = await startTill({ dataDir: s.dataDir, port: s.port, env: { POS_PRINTER: 'none' } });
    page = await openTill(s.context, s.till.url);
    await signIn(page, '1234');
    await expect.poll(() => cartRows(page).count()).toBe(2);
    const region = await openPayment(page);
    await region.getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();
    expect(await journalSales(s.dataDir)).toHaveLength(1);
  });
});
