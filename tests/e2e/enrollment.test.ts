import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMigratedDataDir } from '../../sync-server/src/test-support/migrated-data-dir';
import { enrollmentCode, hubCommand, startHubProcess, type HubProcess } from '../sync/hub-process';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { freePort } from '../support/free-port';
import { sellExact, setUpFirstManager, signIn, syncBadge } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

/**
 * A till in a chain: started with `--hub URL` (no embedded hub, no automatic enrollment), enrolled
 * by a manager from the sync panel with the one-time code the hub printed.
 */
describe.skipIf(!browserAvailable())('enrolling a till with the chain’s hub', () => {
  let dataDir: string;
  let hubDir: string;
  let hub: HubProcess;
  let till: TillProcess;
  let page: Page;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-enroll-till-'));
    hubDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-enroll-hub-'));
    // The chain's hub: store S001, till T01 and the catalog exist there (what --demo creates).
    // From the migrated template: the hub's first start spends no initdb nor migrations.
    await seedMigratedDataDir(hubDir);
    hub = await startHubProcess({ port: await freePort(), dataDir: hubDir, args: ['--demo'] });
    till = await startTill({ dataDir, args: ['--hub', hub.url] });
    const { context } = await launchChromium();
    closeBrowser = () => context.close();
    page = await openTill(context, till.url);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await till?.stop();
    await hub?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(hubDir, { recursive: true, force: true });
  });

  const panel = () => page.getByRole('dialog', { name: 'Synchronisation avec le serveur central' });

  it('starts with no staff (a real till has no demo PINs): its first manager is set up on it, and it sells unenrolled', async () => {
    // No sign-in at all until the first manager exists: the demo PINs published in the README open nothing here.
    await setUpFirstManager(page, 'Nadia', '4071');
    await signIn(page, '4071', 'Nadia');
    await expect.poll(() => syncBadge(page).textContent()).toMatch(/non inscrite/);
    await sellExact(page, demoProduct(111).barcodes[0]!);
  });

  it('a wrong code is refused in plain words; the right one enrolls the till and what it sold goes to the hub', async () => {
    await page.getByText('Nadia', { exact: true }).waitFor();
    await syncBadge(page).click();
    await panel().waitFor();
    // The address the till was started with is offered.
    const address = panel().getByLabel('Adresse du serveur central');
    expect(await address.inputValue()).toBe(hub.url);
    const code = panel().getByLabel('Code à usage unique');
    await code.fill('AAAA-BBBB-CCCC');
    await panel().getByRole('button', { name: 'Inscrire' }).click();
    // In French, by the hub's code: its English only under "Détails pour le support".
    await page.getByRole('alert').filter({ hasText: 'Ce code d’inscription n’est pas connu du serveur central' }).waitFor();

    await code.fill(enrollmentCode(hubCommand(['enroll', '--store', 'S001', '--till', 'T01'], { dataDir: hubDir })).toLowerCase());
    await panel().getByRole('button', { name: 'Inscrire' }).click();
    await page.getByRole('status').filter({ hasText: 'Caisse inscrite : magasin S001, caisse T01.' }).waitFor();
    await panel().getByRole('button', { name: 'Fermer' }).click();
    // The sale made before enrollment was kept and is sent now.
    await expect.poll(() => syncBadge(page).textContent(), { timeout: 30_000 }).toMatch(/en ligne · 0 en attente · dernière/);
    // At the hub the sale moved stock: nothing was received, so the product is listed below zero.
    const { adminToken } = JSON.parse(await readFile(path.join(hubDir, 'hub.json'), 'utf8')) as { adminToken: string };
    const exceptions = async () => {
      const response = await fetch(`${hub.url}/api/v1/admin/stock/exceptions?storeId=S001`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      return ((await response.json()) as { exceptions: { productId: string; level: number }[] }).exceptions;
    };
    await expect.poll(exceptions, { timeout: 10_000 }).toEqual([expect.objectContaining({ productId: demoProduct(111).id, level: -1 })]);
  });
});
