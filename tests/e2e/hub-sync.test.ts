import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../sync/hub-process';
import { browserAvailable } from '../support/browser';
import { hubFile, startEmbeddedHubTill, type EmbeddedHubTill } from '../support/embedded-hub-till';
import { syncBadge as badge, sellExact as sell } from '../support/till-page';
import type { TillProcess } from '../support/till-process';

const oil = demoProduct(111);
const flour = demoProduct(131);

/**
 * What a newcomer gets from `npm start`: the till with its embedded hub (PGlite, demo store), enrolled
 * automatically; sales reach the hub, stock comes back, price changes arrive live, and an outage
 * only makes documents wait.
 */
/** Searches the product afresh (a result list on screen does not follow catalog or stock changes) and reads its row. */
async function searchAgain(page: Page, product: { sku: string; name: string }): Promise<string> {
  const box = page.getByLabel('Rechercher ou scanner');
  await box.fill('');
  await box.fill(product.sku);
  return page.getByRole('button', { name: `Ajouter ${product.name}` }).innerText();
}

describe.skipIf(!browserAvailable())('the till with its embedded hub', () => {
  let session: EmbeddedHubTill;
  let hubDir: string;
  let hubPort: number;
  let till: TillProcess;
  let page: Page;
  let restartedHub: HubProcess | null = null;

  beforeAll(async () => {
    session = await startEmbeddedHubTill('hub');
    ({ till, page, hubDir, hubPort } = session);
  });

  afterAll(async () => {
    await restartedHub?.stop();
    await session?.stop();
  });

  it('starts the embedded hub and enrolls the till by itself', async () => {
    expect(till.output()).toContain('enrolled with the embedded hub');
    await expect.poll(() => badge(page).textContent(), { timeout: 20_000 }).toMatch(/en ligne · 0 en attente/);
  });

  it('sends sales to the hub and gets the stock back from it', async () => {
    await sell(page, oil.barcodes[0]!);
    await expect.poll(() => badge(page).textContent(), { timeout: 20_000 }).toMatch(/0 en attente · dernière/);
    await page.keyboard.press('Escape');
    // The hub derives the level from the sale (its stock projector) and streams it back; a result
    // list already on screen keeps what it showed, so the cashier's next search shows the new level.
    await expect.poll(() => searchAgain(page, oil), { timeout: 20_000 }).toMatch(/stock -1/);
    await page.getByLabel('Rechercher ou scanner').fill('');
  });

  it('shows a price changed at head office within seconds, while streaming', async () => {
    const { url, adminToken } = await hubFile(hubDir);
    const newPrice = flour.price + 100;
    const response = await fetch(`${url}/api/v1/admin/products/${flour.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ price: newPrice }),
    });
    expect(response.status).toBe(200);
    const euros = (newPrice / 100).toFixed(2).replace('.', ',');
    await expect.poll(() => searchAgain(page, flour), { timeout: 10_000 }).toContain(euros);
    await page.getByLabel('Rechercher ou scanner').fill('');
  });

  it('keeps selling through a hub outage and sends everything once it is back', async () => {
    const { pid } = await hubFile(hubDir);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => badge(page).textContent(), { timeout: 30_000 }).toMatch(/hors ligne/);
    await sell(page, oil.barcodes[0]!);
    await sell(page, flour.barcodes[0]!);
    await expect.poll(() => badge(page).textContent(), { timeout: 20_000 }).toMatch(/2 en attente/);
    restartedHub = await startHubProcess({ port: hubPort, dataDir: hubDir });
    await expect.poll(() => badge(page).textContent(), { timeout: 60_000 }).toMatch(/en ligne · 0 en attente/);
  });
});
