import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { approveVariance, saveZPdf } from '../support/cash-screens';
import { freePort } from '../support/free-port';
import { cartRows, donePanel, openPayment, scan, signIn } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const onions = demoProduct(100);
/** Intl writes amounts with no-break spaces ("100,00 €"): matched loosely. */
const loose = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

/**
 * A store manager's day at a real till host in Chromium: the float counted, a sale, the power cut
 * (kill -9) in the middle, cash taken out, the X report, the blind count with a variance a manager
 * accepts, the Z report sealed, printed and as a PDF. Nothing lost or doubled across the cut.
 */
describe.skipIf(!browserAvailable())('a cash session from the float to the Z report', () => {
  let dataDir: string;
  let port: number;
  let till: TillProcess;
  let context: BrowserContext;
  let page: Page;
  let receiptFile: string;
  const env = () => ({ POS_PRINTER: `file:${receiptFile}` });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-cash-'));
    receiptFile = path.join(dataDir, 'printer.bin');
    port = await freePort();
    till = await startTill({ dataDir, port, env: env() });
    context = (await launchChromium()).context;
    page = await openTill(context, till.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, '5678');
  });
  afterAll(async () => {
    await context?.close();
    await till?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const cashMenu = async () => {
    await page.getByRole('button', { name: 'Caisse', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Caisse', exact: true });
    await menu.waitFor();
    return menu;
  };

  it('opens with a float, sells, survives a power cut, takes cash out, and closes with a Z', async () => {
    let menu = await cashMenu();
    await menu.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    const open = page.getByRole('dialog', { name: 'Ouvrir la caisse : fond de caisse' });
    await open.getByLabel('Nombre de billets de 20 €').fill('5');
    await open.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(loose('Caisse ouverte avec un fond de 100,00 €.'));

    await scan(page, onions.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();

    // A power cut: the session, its float and the sale come back from the journal.
    await till.kill9();
    till = await startTill({ dataDir, port, env: env() });
    // The same origin (port), so the same IndexedDB; a new launch token in the address.
    await page.goto(till.url);
    await signIn(page, '5678');
    menu = await cashMenu();
    await expect.poll(() => menu.innerText()).toMatch(loose('Fond de caisse : 100,00 €.'));

    await menu.getByRole('button', { name: 'Apport / retrait' }).click();
    const move = page.getByRole('dialog', { name: 'Apport ou retrait d’espèces' });
    await move.getByLabel('Montant').fill('10');
    await move.getByRole('button', { name: 'Achat de fournitures' }).click();
    await move.getByRole('button', { name: 'Valider' }).click();
    menu = page.getByRole('dialog', { name: 'Caisse', exact: true });
    await expect.poll(() => menu.innerText()).toContain('Mouvements d’espèces : 1.');

    // The X report: one sale, the cash expected = float + the sale − the pay-out.
    await menu.getByRole('button', { name: 'Rapport X' }).click();
    const x = page.getByRole('dialog', { name: 'Rapport X (sans remise à zéro)' });
    await x.waitFor();
    const expected = 10_000 + onions.price - 1_000;
    const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
    await expect.poll(() => x.innerText()).toMatch(loose(euros(expected)));
    expect(await x.innerText()).toMatch(/1 vente\(s\), 0 retour\(s\)/);
    // Escape goes back to the cash screen the report was opened from.
    await page.keyboard.press('Escape');
    menu = page.getByRole('dialog', { name: 'Caisse', exact: true });
    await menu.waitFor();

    // The blind count: 80 € in the drawer, more than 5 € short, so a manager accepts it with a reason.
    await menu.getByRole('button', { name: 'Clôturer la caisse' }).click();
    const count = page.getByRole('dialog', { name: 'Clôturer la caisse : comptage' });
    await count.getByLabel('Nombre de billets de 20 €').fill('4');
    expect(await page.locator('body').innerText()).not.toMatch(/Attendu|Espèces attendues|Écart/);
    await count.getByRole('button', { name: 'Enregistrer le comptage' }).click();
    const closed = await approveVariance(page, 'Erreur de comptage', '5678');
    const z = closed.getByRole('region', { name: 'Rapport Z n° 1' });
    await z.waitFor();
    expect(await closed.innerText()).toContain('Écart accepté par Sophie : Erreur de comptage');
    // Saved as the manager would: the browser's download of the PDF the host made.
    expect((await saveZPdf(page, z)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The Z went to the receipt printer (printed at the close) with its number.
    await expect.poll(async () => (await readFile(receiptFile, 'latin1').catch(() => '')).includes('RAPPORT Z')).toBe(true);
  });
});
