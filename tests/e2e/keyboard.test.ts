import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { cart, cartRows, donePanel, scan, syncBadge, total } from '../support/till-page';
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

  /** Where the keys go now: the search box, a dialog, or elsewhere. */
  const focusIsIn = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('data-wedge') === 'search' ? 'search' : el?.closest('[role="dialog"]') ? 'dialog' : (el?.tagName ?? 'none');
    });

  it('sells a whole basket with the keyboard alone: a scan, a typed code, F3, F4, cash, the next sale', async () => {
    await page.keyboard.press('F2');
    expect(await focusIsIn()).toBe('search');
    await scan(page, milk.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    // A code typed by hand, at a person's pace, then Enter.
    await page.keyboard.type(juice.barcodes[0]!, { delay: 80 });
    await page.keyboard.press('Enter');
    await expect.poll(() => cartRows(page).count()).toBe(2);
    const juiceRow = cart(page).getByRole('row').filter({ hasText: juice.name });

    // F3 offers the quantity selected: typing 3 makes it 3, not 13.
    await page.keyboard.press('F3');
    const quantity = page.getByRole('dialog', { name: `Quantité pour ${juice.name}` });
    await quantity.waitFor();
    expect(await focusIsIn()).toBe('dialog');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await quantity.waitFor({ state: 'detached' });
    await expect.poll(() => juiceRow.getByRole('cell').nth(1).innerText()).toMatch(/(^|\D)3(\D|$)/);
    expect(await focusIsIn()).toBe('search');

    // F4: the value field has the focus, so 10 then Enter is 10 %.
    await page.keyboard.press('F4');
    const discount = page.getByRole('dialog', { name: `Remise sur ${juice.name}` });
    await discount.waitFor();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await discount.waitFor({ state: 'detached' });
    await expect.poll(() => juiceRow.innerText()).toContain('Remise 10');

    // F12, the amount due typed in the cash field, Enter.
    const due = (await total(page)).replace(/[^\d,]/g, '');
    await page.keyboard.press('F12');
    await page.getByRole('region', { name: 'Encaissement' }).waitFor();
    await expect.poll(focusIsIn).toBe('INPUT');
    await page.keyboard.type(due);
    await page.keyboard.press('Enter');
    await donePanel(page).waitFor();
    await expect.poll(() => donePanel(page).innerText()).toMatch(/T01-\d{6}/);

    // The next customer's first scan starts the next sale.
    await scan(page, milk.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    await expect.poll(() => cart(page).innerText()).toContain(milk.name);
  });

  it('closes the sync panel with Escape; behind it Ctrl+Delete and Enter void nothing', async () => {
    const panel = page.getByRole('dialog', { name: 'Synchronisation avec le serveur central' });
    const voidConfirm = page.getByRole('dialog', { name: 'Annuler cette vente ?' });
    await syncBadge(page).focus();
    await page.keyboard.press('Enter');
    await panel.waitFor();
    expect(await focusIsIn()).toBe('dialog');
    await page.keyboard.press('Control+Delete');
    await page.keyboard.press('F3');
    expect(await page.getByRole('dialog').count()).toBe(1);
    // A scan meanwhile: its Enter does not press the panel's focused button, nor sell behind it.
    await scan(page, juice.barcodes[0]!);
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringContaining('non ajouté'));
    await panel.waitFor();
    expect(await cartRows(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await syncBadge(page).evaluate((badge) => badge === document.activeElement)).toBe(true);

    // Open again, the focus lost to the page: Ctrl+Delete then Enter still act on nothing unseen.
    await page.keyboard.press('Enter');
    await panel.waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+Delete');
    await page.keyboard.press('Enter');
    expect(await voidConfirm.count()).toBe(0);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await cartRows(page).count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
