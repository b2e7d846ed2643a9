import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHostConfig } from '../../electron/src/host/config/host-config';
import { seriousAccessibilityProblems } from '../support/axe-check';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { freePort } from '../support/free-port';
import { enrollSecondFactor } from '../support/office-browser';
import { signIn, syncBadge, sellExact } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const oil = demoProduct(111);
const flour = demoProduct(131);

/** The till's row for a product, searched afresh (a result list on screen does not follow catalog changes). */
async function tillRow(page: Page, product: { sku: string; name: string }): Promise<string> {
  const box = page.getByLabel('Rechercher ou scanner');
  await box.fill('');
  await box.fill(product.sku);
  return page.getByRole('button', { name: `Ajouter ${product.name}` }).innerText();
}

/** A key figure of the dashboard, as written on its card. */
function kpi(page: Page, name: string) {
  return page.locator('.kpi-card', { has: page.getByRole('heading', { name, exact: true }) }).locator('.kpi-value');
}

/**
 * What `npm start` gives head office: the till with its embedded hub and its demo administrator,
 * and the back office in the same browser. A sale made at the till appears on the dashboard without
 * reloading it, the figures export, and a price changed in the catalog reaches the till.
 */
describe.skipIf(!browserAvailable())('head office watching a till live', () => {
  let dataDir: string;
  let hubDir: string;
  let till: TillProcess;
  let tillPage: Page;
  let office: Page;
  let hubUrl: string;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-live-till-'));
    hubDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-live-hub-'));
    till = await startTill({ dataDir, args: ['--hub-data-dir', hubDir, '--hub-port', String(await freePort())] });
    const { context } = await launchChromium();
    closeBrowser = () => context.close();
    tillPage = await openTill(context, till.url);
    await signIn(tillPage, '1234');
    await syncBadge(tillPage)
      .filter({ hasText: /en ligne · 0 en attente/ })
      .waitFor({ timeout: 60_000 });
    hubUrl = (JSON.parse(await readFile(path.join(hubDir, 'hub.json'), 'utf8')) as { url: string }).url;
    office = await context.newPage();
    office.on('pageerror', (error) => console.error('office page error:', error.message));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await till?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(hubDir, { recursive: true, force: true });
  });

  it('the demo administrator signs in with the credentials npm start prints, and sees the day’s sales arrive live', async () => {
    const admin = JSON.parse(await readFile(path.join(hubDir, 'demo-admin.json'), 'utf8')) as { email: string; password: string };
    expect(till.output()).toContain(admin.password);
    await office.goto(`${hubUrl}/office/`);
    await office.getByLabel('Adresse e-mail').fill(admin.email);
    await office.getByLabel('Mot de passe').fill(admin.password);
    await office.getByRole('button', { name: 'Se connecter' }).click();
    await enrollSecondFactor(office);

    await office.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await kpi(office, 'Tickets').waitFor();
    const before = Number(await kpi(office, 'Tickets').innerText());
    expect(await seriousAccessibilityProblems(office)).toEqual([]);

    await sellExact(tillPage, oil.barcodes[0]!);
    await tillPage.keyboard.press('Escape');
    // Pushed, verified in its chain, projected, announced: the page fetches again by itself.
    await expect.poll(async () => Number(await kpi(office, 'Tickets').innerText()), { timeout: 30_000 }).toBe(before + 1);
    expect(await kpi(office, 'Ventes nettes TTC').innerText()).not.toBe('0,00 €');
  });

  it('exports the sales of the day as a file', async () => {
    await office.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Ventes' }).click();
    await office.getByRole('heading', { level: 1, name: 'Ventes' }).waitFor();
    const { storeId } = await loadHostConfig(dataDir);
    await office.getByLabel('Magasin', { exact: true }).selectOption(storeId);
    await office.getByRole('cell', { name: oil.name }).or(office.locator('table tbody tr').first()).first().waitFor();
    const download = office.waitForEvent('download');
    await office
      .getByRole('button', { name: /en CSV$/ })
      .first()
      .click();
    const file = await download;
    const text = await readFile((await file.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThanOrEqual(2);
  });

  it('changes a price in the catalog and the till shows it', async () => {
    await office.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Catalogue' }).click();
    await office.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
    await office.getByLabel('Nom, référence, code-barres ou identifiant').fill(flour.sku);
    await office.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const newPrice = flour.price + 100;
    const euros = (newPrice / 100).toFixed(2).replace('.', ',');
    await office.getByLabel(`Nouveau prix de ${flour.name} en euros`).fill(euros);
    await office.getByRole('button', { name: `Changer le prix de ${flour.name}` }).click();
    await office.getByText(`Le prix de ${flour.name} est maintenant`).waitFor();
    await expect.poll(() => tillRow(tillPage, flour), { timeout: 10_000 }).toContain(euros);
  });
});
