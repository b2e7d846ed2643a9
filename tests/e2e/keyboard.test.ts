import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { cart, cartRows, scan } from '../support/till-page';
import { useTillSession } from '../support/till-session';

const milk = demoProduct(104);
const juice = demoProduct(105);

describe.skipIf(!browserAvailable())('keyboard-first till', () => {
  const session = useTillSession({ prefix: 'pos-e2e-keys-', env: () => ({ POS_PRINTER: 'none' }), pin: '1234' });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('takes a fast burst ended by Enter as a scan even when the focus is on a button', async () => {
    await page.getByRole('button', { name: /Historique/ }).focus();
    await scan(page, milk.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    expect(await page.getByLabel('Rechercher ou scanner').inputValue()).toBe('');
  });

  it('sends slow typing to the search box, with results as the cashier types', async () => {
    await page.getByRole('button', { name: /Historique/ }).focus();
    const word = juice.words[0]!.slice(0, 4);
    await page.keyboard.type(word, { delay: 120 });
    await expect.poll(() => page.getByLabel('Rechercher ou scanner').inputValue()).toBe(word);
    const results = page.getByRole('list', { name: 'Résultats de recherche' });
    await expect.poll(() => results.getByRole('button').count()).toBeGreaterThan(0);
    await page.getByLabel('Rechercher ou scanner').fill('');
  });

  it('does not steal digits typed in a field being edited (the quantity dialog)', async () => {
    await cart(page)
      .getByRole('button', { name: `Sélectionner ${milk.name}` })
      .click();
    await page.keyboard.press('F3');
    const field = page.getByRole('dialog').getByLabel('Quantité');
    await field.fill('');
    await page.keyboard.type('12', { delay: 1 });
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => cart(page).getByRole('row').filter({ hasText: milk.name }).innerText()).toContain('12');
    expect(await cartRows(page).count()).toBe(1);
  });

  it('changes quantity with + and −, removes with Delete, and shows the keys on F1', async () => {
    await page.getByRole('button', { name: /Historique/ }).focus();
    await page.keyboard.press('Escape');
    await cart(page)
      .getByRole('button', { name: `Sélectionner ${milk.name}` })
      .click();
    await page.keyboard.press('+');
    await expect.poll(() => cart(page).getByRole('row').filter({ hasText: milk.name }).innerText()).toContain('13');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(() => cart(page).getByRole('row').filter({ hasText: milk.name }).innerText()).toContain('11');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await expect.poll(() => help.innerText()).toContain('Encaisser');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await cart(page)
      .getByRole('button', { name: `Sélectionner ${milk.name}` })
      .click();
    await page.keyboard.press('Delete');
    await expect.poll(() => cartRows(page).count()).toBe(0);
  });

  it('switches to English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('table', { name: 'Cart' }).or(page.getByText('Scan an item to start the sale.')).first().waitFor();
    expect(await page.getByRole('button', { name: /Pay/ }).count()).toBeGreaterThan(0);
    await page.getByLabel('Language').selectOption('fr');
  });
});
