import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinterRig } from '../rigs/fake-printer';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { problemsAtEverySize, SIZES } from '../support/every-size';
import { layoutProblems } from '../support/layout-checks';
import { cart, cartRows, history, openPayment, scan } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const basket = [demoProduct(100), demoProduct(104), demoProduct(105), demoProduct(106)];

describe.skipIf(!browserAvailable())('every till screen at the screen sizes stores use', () => {
  let dataDir: string;
  let printer: FakePrinterRig;
  let till: TillProcess;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-sizes-'));
    // The status bar at its fullest: a printer reporting several conditions at once.
    printer = await startFakePrinter({ status: { coverOpen: true, paperNearEnd: true, drawerOpen: true } });
    till = await startTill({ dataDir, env: { POS_PRINTER: printer.target, POS_TERMINAL_DELAY_MS: '20' } });
    ({ context } = await launchChromium());
    // A browser that refuses persistent storage: the status bar's storage warning shows too.
    await context.addInitScript(() => {
      Object.defineProperty(StorageManager.prototype, 'persist', { value: () => Promise.resolve(false) });
    });
    page = await openTill(context, till.url);
  });

  afterAll(async () => {
    await context?.close();
    await till?.stop();
    await printer?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sign-in: who is signing in, then the PIN pad, with the printer alert and the storage warning in the status bar', async () => {
    await page.getByRole('heading', { name: 'Identification' }).waitFor({ timeout: 30_000 });
    const header = page.locator('header').first();
    await expect.poll(() => header.evaluate((h) => h.outerHTML), { timeout: 10_000 }).toContain('capot ouvert');
    await expect.poll(() => header.innerText()).toMatch(/stockage/i);
    const problems = await problemsAtEverySize(page, 'sign-in');
    // A till with its staff list asks who signs in first, then the PIN.
    const manager = page.getByRole('button', { name: 'Sophie', exact: true });
    if (await manager.count()) {
      await manager.click();
      await page.getByLabel('Code personnel', { exact: true }).waitFor();
      problems.push(...(await problemsAtEverySize(page, 'sign-in PIN pad')));
    }
    expect(problems).toEqual([]);
  });

  it('sale with a few lines, a manager signed in', async () => {
    await page.getByLabel('Code personnel', { exact: true }).fill('5678');
    await page.keyboard.press('Enter');
    await page.locator('html[data-ready="scan"]').waitFor({ timeout: 30_000 });
    for (const product of basket) await scan(page, product.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(basket.length);
    const problems = await problemsAtEverySize(page, 'sale');
    // On the smallest screen the status bar folds its rarer actions behind one button: open, they
    // are on screen, touchable and apart.
    await page.setViewportSize(SIZES[0]);
    const more = page.getByRole('button', { name: 'Autres actions' });
    await more.click();
    const folded = `[id="${await more.getAttribute('aria-controls')}"]`;
    problems.push(...(await layoutProblems(page, folded)).map((p) => `status bar's folded actions at 1024×768: ${p}`));
    // A manager's: the cash session, the drawer without a sale, training mode and the Devices screen.
    expect(await page.locator(folded).getByRole('button').count()).toBe(4);
    await page.keyboard.press('Escape');
    // English words are other widths: the same screen in English, switched as a cashier would.
    await more.click();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('table', { name: 'Cart' }).waitFor();
    problems.push(...(await problemsAtEverySize(page, 'sale in English')));
    await page.setViewportSize(SIZES[0]);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await cart(page).waitFor();
    expect(problems).toEqual([]);
  });

  it("the customer's display during the sale", async () => {
    const url = new URL(till.url);
    url.search = '?view=customer';
    const customer = await context.newPage();
    try {
      await customer.goto(url.href);
      // The display follows the cart as it changes: one more of the selected line.
      await page.getByRole('button', { name: `Sélectionner ${basket[0]!.name}` }).click();
      await page.keyboard.press('+');
      await expect.poll(() => customer.getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await problemsAtEverySize(customer, 'customer display')).toEqual([]);
    } finally {
      await customer.close();
    }
  });

  /** A dialog checked while open, then closed with Escape whatever was found, for the next test. */
  async function dialogProblems(screen: string, open: () => Promise<void>): Promise<string[]> {
    await open();
    await page.getByRole('dialog').waitFor();
    const problems = await problemsAtEverySize(page, screen);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    return problems;
  }

  it('a dialog (quantity, with its keypad)', async () => {
    const problems = await dialogProblems('quantity dialog', async () => {
      await cart(page)
        .getByRole('button', { name: `Sélectionner ${basket[0]!.name}` })
        .click();
      await page.keyboard.press('F3');
    });
    expect(problems).toEqual([]);
  });

  it('a dialog with a choice (line discount: percent or amount, and its keypad)', async () => {
    expect(await dialogProblems('discount dialog', () => page.keyboard.press('F4'))).toEqual([]);
  });

  it('a dialog with reasons to pick (price override)', async () => {
    expect(await dialogProblems('price dialog', () => page.keyboard.press('F6'))).toEqual([]);
  });

  it('a confirmation (void the sale)', async () => {
    expect(await dialogProblems('void confirmation', () => page.keyboard.press('Control+Delete'))).toEqual([]);
  });

  it('help', async () => {
    expect(await dialogProblems('help', () => page.keyboard.press('F1'))).toEqual([]);
  });

  it('payment, then the sale done', async () => {
    const payment = await openPayment(page);
    const problems = await problemsAtEverySize(page, 'payment');
    await payment.getByRole('button', { name: 'Montant exact' }).click();
    const done = page.getByRole('region', { name: 'Vente terminée' });
    await done.waitFor();
    problems.push(...(await problemsAtEverySize(page, 'sale done')));
    expect(problems).toEqual([]);
  });

  it('parked sales', async () => {
    await page.keyboard.press('Escape');
    await scan(page, basket[1]!.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    await page.keyboard.press('F7');
    await expect.poll(() => cartRows(page).count()).toBe(0);
    await page.keyboard.press('F8');
    await page.getByRole('region', { name: 'Ventes en attente' }).waitFor();
    expect(await problemsAtEverySize(page, 'parked')).toEqual([]);
  });

  it('history', async () => {
    await page.keyboard.press('Escape');
    await history(page);
    expect(await problemsAtEverySize(page, 'history')).toEqual([]);
  });

  it('sync panel', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Synchro:/ }).click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    const problems = await problemsAtEverySize(page, 'sync panel');
    await panel.getByRole('button', { name: 'Fermer' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('devices panel', async () => {
    await page.getByRole('button', { name: 'Périphériques' }).click();
    const panel = page.getByRole('dialog', { name: 'Périphériques' });
    await panel.waitFor();
    const problems = await problemsAtEverySize(page, 'devices panel');
    await panel.getByRole('button', { name: 'Fermer' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it("a manager's approval, asked of a cashier", async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    const cashier = page.getByRole('button', { name: 'Camille', exact: true });
    const pin = page.getByLabel('Code personnel', { exact: true });
    await cashier.or(pin).first().waitFor();
    if (await cashier.count()) await cashier.click();
    await pin.fill('1234');
    await page.keyboard.press('Enter');
    await page.locator('html[data-ready="scan"]').waitFor({ timeout: 30_000 });
    await scan(page, basket[2]!.barcodes[0]!);
    await cart(page)
      .getByRole('button', { name: `Sélectionner ${basket[2]!.name}` })
      .click();
    await page.keyboard.press('F6');
    const price = page.getByRole('dialog');
    await price.getByLabel('Nouveau prix').fill('1');
    await price.getByRole('group', { name: 'Motifs courants' }).getByRole('button').first().click();
    await price.getByRole('button', { name: 'Valider' }).click();
    const problems = await dialogProblems('manager approval', () =>
      page.getByRole('dialog', { name: 'Accord d’un responsable' }).waitFor(),
    );
    expect(problems).toEqual([]);
  });

  it('the status bar when the host is gone (last: it stops the host)', async () => {
    await page.keyboard.press('Escape');
    await till.stop();
    await page.getByRole('status', { name: /^Poste: (déconnecté|connexion)/ }).waitFor({ timeout: 15_000 });
    expect(await problemsAtEverySize(page, 'host gone')).toEqual([]);
  });
});
