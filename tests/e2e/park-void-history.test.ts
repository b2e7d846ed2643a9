import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { cart, cartRows, donePanel, history, openPayment, scan } from '../support/till-page';
import { useTillSession } from '../support/till-session';

const tea = demoProduct(201);
const rice = demoProduct(211);

async function journalEvents(dataDir: string): Promise<{ type: string; saleId?: string; lineCount?: number }[]> {
  const dir = path.join(dataDir, 'journal');
  const text = (
    await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.jsonl')).map((f) => readFile(path.join(dir, f), 'utf8')))
  ).join('');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { chain: string; payload: { type: string } })
    .filter((r) => r.chain === 'event')
    .map((r) => r.payload);
}

describe.skipIf(!browserAvailable())('parked sales, voids and the sales history', () => {
  const session = useTillSession({ prefix: 'pos-e2e-park-', env: () => ({ POS_PRINTER: 'none' }), pin: '1234' });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('parks a sale, serves another customer, then resumes and completes the parked one', async () => {
    await scan(page, tea.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    await page.keyboard.press('F7');
    await expect.poll(() => cartRows(page).count()).toBe(0);
    await scan(page, rice.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();

    await page.keyboard.press('F8');
    const parked = page.getByRole('region', { name: 'Ventes en attente' });
    await parked.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => cart(page).innerText()).toContain(tea.name);
    await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();
    await expect.poll(() => donePanel(page).innerText()).toContain('T01-000002');
    await page.keyboard.press('F8');
    await expect.poll(() => parked.innerText()).toContain('Aucune vente en attente');
  });

  it('voids a sale into the journal without deleting anything', async () => {
    await page.keyboard.press('Escape');
    await scan(page, tea.barcodes[0]!);
    await scan(page, rice.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(2);
    await page.keyboard.press('Control+Delete');
    await page.getByRole('dialog', { name: 'Annuler cette vente ?' }).getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('status').filter({ hasText: 'Vente annulée' }).waitFor();
    expect(await cartRows(page).count()).toBe(0);
    const voids = (await journalEvents(session.dataDir)).filter((e) => e.type === 'sale.void');
    expect(voids).toHaveLength(1);
    expect(voids[0]?.lineCount).toBe(2);
  });

  it("lists today's sales and finds one by its receipt number", async () => {
    const panel = await history(page);
    await expect.poll(() => panel.getByRole('button', { name: /^Voir le ticket/ }).count()).toBe(2);
    await panel.getByLabel('Numéro de ticket').fill('1');
    await expect.poll(() => panel.getByRole('button', { name: /^Voir le ticket/ }).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Voir le ticket S001-T01-000001' }).count()).toBe(1);
    await panel.getByLabel('Numéro de ticket').fill('T01-000002');
    await expect.poll(() => panel.getByRole('button', { name: 'Voir le ticket S001-T01-000002' }).count()).toBe(1);
    await panel.getByRole('button', { name: 'Voir le ticket S001-T01-000002' }).click();
    await expect.poll(() => panel.getByRole('figure').innerText()).toContain(tea.name.slice(0, 20));
  });
});
