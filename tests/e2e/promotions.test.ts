import { demoProduct, demoStoreProfile } from '@pos/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { hubFile, startEmbeddedHubTill, type EmbeddedHubTill } from '../support/embedded-hub-till';
import { cartRows, openPayment, scan, syncBadge as badge, total } from '../support/till-page';

const oil = demoProduct(111);

const euros = (amount: number) => `${(amount / 100).toFixed(2).replace('.', ',')}`;

/**
 * A promotion saved at head office reaches the till within seconds, the cart applies it, the till
 * host seals the sale after pricing it again, and the hub verifies it (a verified sale, no incident).
 */
describe.skipIf(!browserAvailable())('promotions from head office to the till and back', () => {
  let session: EmbeddedHubTill;
  let page: Page;

  beforeAll(async () => {
    session = await startEmbeddedHubTill('promo');
    page = session.page;
  });

  afterAll(async () => {
    await session?.stop();
  });

  it(
    '"3 pour 2" saved at head office: shown on the line, the total follows, sealed, verified at the hub',
    { timeout: 120_000 },
    async () => {
      await expect.poll(() => badge(page).textContent(), { timeout: 30_000 }).toMatch(/en ligne · 0 en attente/);
      const { url, adminToken } = await hubFile(session.hubDir);
      const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
      const saved = await fetch(`${url}/api/v1/admin/promotions/huile-3-pour-2`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          name: 'Huile 3 pour 2',
          currency: 'EUR',
          priority: 0,
          stackable: false,
          audience: { kind: 'everyone' },
          benefit: { type: 'buy-get', target: { productIds: [oil.id] }, buyQuantity: 2, getQuantity: 1, bp: 10_000 },
        }),
      });
      expect(saved.status).toBeLessThan(300);
      for (let i = 0; i < 3; i++) await scan(page, oil.barcodes[0]!);
      await expect.poll(() => cartRows(page).first().innerText(), { timeout: 10_000 }).toMatch(/\b3\b/);
      // Streamed to the till and pulled through its host, the rule prices the open cart as soon as it arrives.
      await expect
        .poll(() => page.locator('.line-promotion').allInnerTexts(), { timeout: 30_000 })
        .toEqual([expect.stringMatching(/Huile 3 pour 2/)]);
      expect(await total(page)).toContain(euros(oil.price * 2));
      await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
      await page.getByRole('region', { name: 'Vente terminée' }).waitFor();
      await expect.poll(() => badge(page).textContent(), { timeout: 20_000 }).toMatch(/0 en attente · dernière/);

      // Verified and projected at the hub: the sale is listed with the promotion taken off its total.
      const { storeId } = demoStoreProfile();
      const listed = async () => {
        const response = await fetch(`${url}/api/v1/admin/stores/${storeId}/sales`, { headers });
        return ((await response.json()) as { rows?: { total: number; status: string }[] }).rows ?? [];
      };
      await expect.poll(async () => (await listed()).map((r) => r.total), { timeout: 30_000 }).toContain(oil.price * 2);
    },
  );
});
