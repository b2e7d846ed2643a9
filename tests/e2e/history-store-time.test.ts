import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { cartRows, donePanel, history, openPayment, scan } from '../support/till-page';
import { useTillSession } from '../support/till-session';

// UTC+14: whatever zone the machine and its Chromium run in, the store's hour is another.
const STORE_ZONE = 'Pacific/Kiritimati';
const rice = demoProduct(120);

describe.skipIf(!browserAvailable())('the history of a store in another time zone than the machine', () => {
  const session = useTillSession({
    prefix: 'pos-e2e-history-zone-',
    env: () => {
      writeFileSync(path.join(session.dataDir, 'store.json'), JSON.stringify({ timeZone: STORE_ZONE }));
      return { POS_PRINTER: 'none' };
    },
    pin: '1234',
  });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('lists a sale at the hour its receipt prints, the store’s', async () => {
    await scan(page, rice.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();

    const panel = await history(page);
    const open = panel.getByRole('button', { name: 'Voir le ticket S001-T01-000001' });
    const time = await open.locator('xpath=ancestor::tr').getByRole('cell').nth(1).innerText();
    const browserTime = await page.evaluate(() => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' }).format(new Date()));
    expect(time).not.toBe(browserTime);
    await open.click();
    await expect.poll(() => panel.getByRole('figure').innerText()).toContain(time.replace(/\s/g, ' '));
  });

  it('says a receipt this till does not have is not here, and drops the one that was open', async () => {
    const panel = page.getByRole('region', { name: 'Ventes de cette caisse' });
    await panel.getByLabel('Numéro de ticket').fill('999');
    await expect.poll(() => panel.getByRole('status').innerText()).toBe('Aucun ticket n° T01-000999 sur ce poste.');
    expect(await panel.getByRole('figure').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Réimprimer (duplicata)' }).count()).toBe(0);
  });
});
