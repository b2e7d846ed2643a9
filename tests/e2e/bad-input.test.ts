import { demoProduct, withGtinCheckDigit } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinterRig } from '../rigs/fake-printer';
import { browserAvailable } from '../support/browser';
import { decodeText } from '../../hardware/src/test-support/esc-pos-tokenizer';
import { freePort } from '../support/free-port';
import { cartRows, donePanel, history, openPayment, payCard, payCash, scan, staffTile } from '../support/till-page';
import { useTillSession } from '../support/till-session';

const cheese = demoProduct(102);

describe.skipIf(!browserAvailable())('bad input and faults get a clear message, and nothing is lost', () => {
  let printerPort: number;
  // Before the session's own hook, which reads the port to configure the host.
  beforeAll(async () => {
    printerPort = await freePort();
  });
  const session = useTillSession({
    prefix: 'pos-e2e-bad-',
    // The printer is configured but switched off: nothing listens on its port.
    env: () => ({ POS_PRINTER: `tcp://127.0.0.1:${printerPort}`, POS_TERMINAL_DELAY_MS: '20' }),
  });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('refuses a wrong PIN and says how many tries are left', async () => {
    await staffTile(page, 'Camille').click();
    const field = page.getByLabel('Code personnel');
    await field.fill('0000');
    await field.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Code incorrect (4 essai(s) restant(s))' }).waitFor();
    // The focus stays in the field, cleared: the right PIN is typed straight away.
    await expect
      .poll(() => field.evaluate((input) => input === document.activeElement && (input as HTMLInputElement).value === ''))
      .toBe(true);
    await page.keyboard.type('1234');
    await page.keyboard.press('Enter');
    await page.locator('html[data-ready="scan"]').waitFor({ timeout: 30_000 });
  });

  it('says an unknown code is unknown and opens the search with it', async () => {
    const unknown = withGtinCheckDigit('376999999999');
    await scan(page, unknown);
    await page
      .getByRole('alert')
      .filter({ hasText: `Code inconnu : ${unknown}` })
      .waitFor();
    expect(await page.getByLabel('Rechercher ou scanner').inputValue()).toBe(unknown);
    expect(await cartRows(page).count()).toBe(0);
    await page.getByLabel('Rechercher ou scanner').fill('');
  });

  it('refuses a bad check digit and a malformed code', async () => {
    const good = cheese.barcodes[0]!;
    const bad = good.slice(0, -1) + String((Number(good.at(-1)) + 1) % 10);
    await scan(page, bad);
    await page.getByRole('alert').filter({ hasText: 'clé de contrôle fausse' }).waitFor();
    await scan(page, '12345678901234567890');
    await page.getByRole('alert').filter({ hasText: 'n’est pas un code produit' }).waitFor();
    expect(await cartRows(page).count()).toBe(0);
  });

  it('keeps a sale open while the tender is below the total, and refuses a card above what is due', async () => {
    await scan(page, cheese.barcodes[0]!);
    await scan(page, cheese.barcodes[0]!);
    await expect.poll(() => cartRows(page).count()).toBe(1);
    const region = await openPayment(page);
    await payCash(page, '1');
    await expect.poll(() => region.getByTestId('remaining').innerText()).not.toBe('0,00 €');
    expect(await donePanel(page).count()).toBe(0);
    await payCard(page, '999');
    await page.getByRole('alert').filter({ hasText: 'ne peut pas payer plus' }).waitFor();
    await region.getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();
  });

  it('commits the sale when the printer is unreachable, says the drawer did not open, prints on request and reprints once it is back', async () => {
    const panel = donePanel(page);
    // Cash was taken: the drawer's kick could not reach the printer, and the cashier is told in French.
    await expect.poll(() => panel.getByRole('alert').innerText()).toContain('Le tiroir-caisse ne s’est pas ouvert');
    // A receipt on request: nothing was sent to the printer before the customer asked.
    await panel.getByRole('button', { name: 'Ticket papier' }).click();
    await expect.poll(() => panel.innerText()).toContain('Ticket non imprimé : l’imprimante est injoignable');
    await page.getByText('Imprimante: hors ligne').waitFor();
    const printer: FakePrinterRig = await startFakePrinter({ port: printerPort });
    try {
      await panel.getByRole('button', { name: 'Réimprimer (duplicata)' }).click();
      const [receipt] = await printer.waitForReceipts(1, 10_000);
      expect(decodeText(receipt!)).toContain('DUPLICATA n° 1');
      const list = await history(page);
      await expect.poll(() => list.getByRole('button', { name: 'Voir le ticket S001-T01-000001' }).count()).toBe(1);
    } finally {
      await printer.stop();
    }
  });
});
