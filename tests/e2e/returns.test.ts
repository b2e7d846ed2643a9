import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { problemsAtEverySize, SIZES } from '../support/every-size';
import { cartRows, donePanel, openPayment, scan } from '../support/till-page';
import { useTillSession } from '../support/till-session';

const onions = demoProduct(100);
const milk = demoProduct(104);

describe.skipIf(!browserAvailable())('a return in the store', () => {
  const session = useTillSession({ prefix: 'pos-e2e-returns-', env: () => ({ POS_PRINTER: 'none' }), pin: '1234' });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('sells two lines, then returns one of them in cash with the receipt’s code, and refuses it a second time', async () => {
    await scan(page, onions.barcodes[0]!);
    await scan(page, milk.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(2);
    await (await openPayment(page)).getByRole('button', { name: 'Montant exact' }).click();
    const receipt = /Ticket n° (\S+)/.exec(await donePanel(page).innerText())?.[1];
    expect(receipt).toMatch(/^S001-T01-\d{6}$/);
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();

    await page.keyboard.press('F10');
    const panel = page.getByRole('dialog', { name: 'Retour d’articles' });
    await panel.getByLabel(/^Ticket de la vente/).fill(receipt!);
    await panel.getByRole('button', { name: 'Chercher' }).click();
    await panel.getByRole('button', { name: `Un de plus pour ${milk.name}` }).click();
    // The panel with its lines fits every till screen, every target a finger's size, nothing axe calls serious.
    expect(await problemsAtEverySize(page, 'returns panel')).toEqual([]);
    await page.setViewportSize(SIZES[0]);
    await panel.getByRole('button', { name: 'Rembourser en espèces' }).click();
    await expect.poll(() => panel.innerText()).toMatch(/Retour enregistré : avoir n° S001-T01-\d{6}\./);
    expect(await panel.innerText()).toMatch(/Rendez .+ en espèces au client\./);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // The host's journal counts the first return: nothing of that line is left.
    await page.keyboard.press('F10');
    await panel.getByLabel(/^Ticket de la vente/).fill(receipt!);
    await panel.getByRole('button', { name: 'Chercher' }).click();
    await panel.getByRole('button', { name: `Un de plus pour ${milk.name}` }).click();
    await expect
      .poll(() => panel.getByRole('alert').innerText())
      .toContain(`${milk.name} : plus rien à retourner (1 vendu(s), 1 déjà retourné(s)).`);
    // Another till's receipt is said as such.
    await panel.getByRole('button', { name: 'Autre ticket' }).click();
    await panel.getByLabel(/^Ticket de la vente/).fill('S001-T02-000001');
    await panel.getByRole('button', { name: 'Chercher' }).click();
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('Ce ticket est celui de la caisse T02 du magasin S001');
  });

  it('without the receipt: a manager approves, the goods come from the catalog, the cash goes back', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F10');
    const panel = page.getByRole('dialog', { name: 'Retour d’articles' });
    await panel.waitFor();
    expect(await problemsAtEverySize(page, 'returns panel')).toEqual([]);
    await page.setViewportSize(SIZES[0]);
    await panel.getByRole('button', { name: 'Sans ticket' }).click();
    const manager = page.getByRole('dialog', { name: 'Accord d’un responsable' });
    await manager.getByLabel('Code du responsable').fill('5678');
    await manager.getByRole('button', { name: 'Valider' }).click();
    await manager.waitFor({ state: 'detached' });
    await panel.getByLabel(/^Article rapporté/).fill(onions.words[0]!);
    await panel.getByRole('button', { name: new RegExp(`^Ajouter ${onions.name}`) }).click();
    expect(await problemsAtEverySize(page, 'returns panel')).toEqual([]);
    await page.setViewportSize(SIZES[0]);
    await panel.getByRole('button', { name: 'Rembourser en espèces' }).click();
    await expect.poll(() => panel.innerText()).toMatch(/Retour enregistré : avoir n° S001-T01-\d{6}\./);
    expect(await problemsAtEverySize(page, 'returns panel')).toEqual([]);
    await page.setViewportSize(SIZES[0]);
  });
});
