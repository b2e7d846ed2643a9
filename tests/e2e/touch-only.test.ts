import { demoProduct, demoProducts } from '@pos/core';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { layoutProblems } from '../support/layout-checks';
import { cart, cartRows, donePanel } from '../support/till-page';
import { useTillSession } from '../support/till-session';

const croissant = demoProduct(93);
const apples = demoProduct(0); // weighed, per kg
// The first bread of the bakery's tiles, in catalog order (by id).
const firstBread = demoProducts(0, 400, 400)
  .filter((p) => p.category === 'Boulangerie')
  .sort((a, b) => (a.id < b.id ? -1 : 1))[0]!.name;

type KeyWindow = Window & { __keyEvents?: string[] };

/** Every key event the page sees from now on, listened for before anything else can stop it. */
async function watchKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as KeyWindow;
    w.__keyEvents = [];
    for (const type of ['keydown', 'keyup', 'keypress'])
      window.addEventListener(type, (e) => w.__keyEvents!.push(`${type} ${(e as KeyboardEvent).key}`), true);
  });
}

/** Sign-in by touch: the person's tile (where the screen offers one), the PIN on the pad, Valider. */
async function signInByTouch(page: Page, name: string, pin: string): Promise<void> {
  const ready = page.locator('html[data-ready="scan"]');
  const person = page.getByRole('button', { name, exact: true });
  const pad = page.getByRole('button', { name: 'Chiffre 1' });
  await person.or(pad).or(ready).first().waitFor({ timeout: 30_000 });
  if (await ready.count()) return;
  if (await person.count()) await person.click();
  for (const digit of pin) await page.getByRole('button', { name: `Chiffre ${digit}` }).click();
  await page.getByRole('button', { name: 'Valider', exact: true }).click();
  await ready.waitFor({ timeout: 30_000 });
}

/** A number typed on a dialog's on-screen keypad, after clearing what the field held. */
async function keypad(dialog: Locator, value: string): Promise<void> {
  const pad = dialog.getByRole('group', { name: 'Pavé numérique' });
  await pad.getByRole('button', { name: 'Effacer' }).click();
  for (const key of value) await pad.getByRole('button', { name: key === ',' ? 'Virgule' : key, exact: true }).click();
}

describe.skipIf(!browserAvailable())('a whole sale by touch alone, on a 1024×768 till', () => {
  const session = useTillSession({ prefix: 'pos-e2e-touch-', env: () => ({ POS_PRINTER: 'none' }) });
  let page: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    page = session.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    await watchKeys(page);
  });

  it('signs in, sells from favourites, a category and a weighed tile, changes a quantity, pays cash, with no key pressed', async () => {
    await signInByTouch(page, 'Camille', '1234');
    const tiles = page.getByRole('list', { name: 'Touches rapides' });

    // A favourite: one tap. Tiles are large enough for a finger (the pane is 1024×768's right part).
    const croissants = tiles.getByRole('button', { name: 'Ajouter Croissants' });
    await croissants.click({ timeout: 30_000 });
    const box = (await croissants.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(96);
    await expect.poll(() => cart(page).getByText(croissant.name).count()).toBe(1);

    // A category: its products as tiles, one sold, then back to the store's tiles.
    await tiles.getByRole('button', { name: 'Boulangerie', exact: true }).click();
    const bakery = page.getByRole('list', { name: 'Produits : Boulangerie' });
    await bakery.getByRole('button', { name: `Ajouter ${firstBread}` }).click();
    await expect.poll(() => cart(page).getByText(firstBread).count()).toBe(1);
    await page.getByRole('button', { name: '‹ Retour' }).click();

    // A weighed favourite: its weight on the dialog's keypad.
    await tiles.getByRole('button', { name: 'Ajouter Pommes Gala (kg)' }).click();
    const weight = page.getByRole('dialog', { name: `Poids pour ${apples.name} (kg ou g)` });
    await keypad(weight, '0,750');
    await weight.getByRole('button', { name: 'Valider', exact: true }).click();
    await weight.waitFor({ state: 'detached' });
    await expect.poll(() => cart(page).getByText('0,750 kg').count()).toBe(1);

    // A quantity changed with the line's + button.
    await cart(page)
      .getByRole('button', { name: `Augmenter la quantité de ${croissant.name}` })
      .click();
    const croissantRow = cart(page).getByRole('row').filter({ hasText: croissant.name });
    await expect.poll(() => croissantRow.getByRole('cell').nth(1).innerText()).toContain('2');
    expect(await cartRows(page).count()).toBe(3);

    // Paid in cash with the payment screen's tender buttons.
    await page.getByRole('button', { name: /^Encaisser/ }).click();
    const payment = page.getByRole('region', { name: 'Encaissement' });
    // The first note above the amount due, as a customer hands it over: change to give back.
    await payment
      .getByRole('button', { name: /^[0-9]+,00\s€$/ })
      .first()
      .click();
    const done = donePanel(page);
    await done.waitFor();
    expect(await done.innerText()).toContain('À rendre');
    // The receipt only on request: this customer wants none.
    await done.getByRole('button', { name: 'Pas de ticket' }).click();
    await page.getByRole('button', { name: /^Nouvelle vente/ }).click();
    await expect.poll(() => cartRows(page).count()).toBe(0);

    // Sealed as sold: the ticket, opened from the history by touch, holds the weighed line.
    await page.getByRole('button', { name: /^Historique/ }).click();
    const sales = page.getByRole('region', { name: 'Ventes de cette caisse' });
    await sales
      .getByRole('button', { name: /^Voir le ticket/ })
      .first()
      .click();
    await expect.poll(() => sales.innerText()).toContain(apples.name);
    expect(await sales.innerText()).toContain('0,750');
    await sales.getByRole('button', { name: 'Retour', exact: true }).click();
    await page.getByRole('list', { name: 'Touches rapides' }).waitFor();

    expect(await page.evaluate(() => (window as KeyWindow).__keyEvents)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('would have heard a key: the silence above is the cashier’s, not the listener’s', async () => {
    await page.keyboard.press('Shift');
    expect(await page.evaluate(() => (window as KeyWindow).__keyEvents)).toEqual(['keydown Shift', 'keyup Shift']);
  });

  it('the store’s tiles, a category’s page and search results fit every till screen, every tile a finger’s size', async () => {
    const tiles = page.getByRole('list', { name: 'Touches rapides' });
    const bakery = page.getByRole('list', { name: 'Produits : Boulangerie' });
    const results = page.getByRole('list', { name: 'Résultats de recherche' });
    const search = page.getByLabel('Rechercher ou scanner');
    for (const [width, height] of [
      [1024, 768],
      [1280, 800],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      const at = `${width}×${height}`;
      await tiles.getByRole('button', { name: 'Ajouter Croissants' }).waitFor();
      expect(await layoutProblems(page), at).toEqual([]);
      await tiles.getByRole('button', { name: 'Boulangerie', exact: true }).click();
      await expect.poll(() => bakery.getByRole('button').count()).toBe(24);
      expect(await layoutProblems(page), at).toEqual([]);
      await page.getByRole('button', { name: 'Page suivante' }).click();
      await expect.poll(() => page.getByText('Page 2').count()).toBe(1);
      expect(await layoutProblems(page), at).toEqual([]);
      await page.getByRole('button', { name: '‹ Retour' }).click();
      await search.fill('pain');
      await expect.poll(() => results.getByRole('button').count()).toBe(20);
      expect(await layoutProblems(page), at).toEqual([]);
      await search.fill('');
    }
  });
});
