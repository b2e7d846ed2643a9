import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { freePort } from '../support/free-port';
import { donePanel, sellExact, signIn, syncBadge } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

/**
 * The receipt on request, end to end: a cash sale on a till with its (embedded) hub, the customer
 * wants a digital receipt, scans the code on the customer display, and the phone opens the
 * receipt the hub serves once the sale has reached it.
 */
describe.skipIf(!browserAvailable())('a digital receipt, from the till to the customer’s phone', () => {
  let dataDir: string;
  let hubDir: string;
  let till: TillProcess;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-receipt-till-'));
    hubDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-receipt-hub-'));
    // The embedded hub with the demo store: the till is enrolled with it and sends its sales.
    till = await startTill({ dataDir, args: ['--hub-data-dir', hubDir, '--hub-port', String(await freePort())] });
    context = (await launchChromium()).context;
    page = await openTill(context, till.url);
    await signIn(page, '1234');
  });

  afterAll(async () => {
    await context?.close();
    await till?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(hubDir, { recursive: true, force: true });
  });

  it('asks, shows the link as a QR code on both screens, and the phone opens the receipt with its legal mentions', async () => {
    const customerUrl = new URL(till.url);
    customerUrl.search = '?view=customer';
    const customer = await context.newPage();
    await customer.goto(customerUrl.href);
    // Enrolled with its hub (in the background at the first start): the till knows where receipts are served.
    await expect.poll(() => syncBadge(page).textContent(), { timeout: 60_000 }).toMatch(/en ligne/);

    await sellExact(page, demoProduct(100).barcodes[0]!);
    const panel = donePanel(page);
    await panel.getByRole('group', { name: 'Le client veut-il un ticket ?' }).waitFor();
    await panel.getByRole('button', { name: 'Ticket numérique' }).click();
    const link = (await panel.getByRole('link').getAttribute('href'))!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/S001\/[^/]+\.[0-9a-f]{32}$/);
    await panel.getByRole('img', { name: 'Code QR du ticket numérique' }).waitFor();
    // The customer display shows the same link as a code to scan.
    await customer.getByRole('img', { name: link }).waitFor({ timeout: 10_000 });

    // The phone: a narrow screen, the link as the QR code gives it.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    // A phone set to French, as the customer's in a French store.
    await phone.setExtraHTTPHeaders({ 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    await expect
      .poll(
        async () => {
          await phone.goto(link);
          return phone.locator('main').innerText();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toContain('TOTAL TTC');
    const text = await phone.locator('main').innerText();
    for (const mention of ['Épicerie du Marché', 'N° TVA FR83404833048', 'SIRET 40483304800014', 'Ticket n° S001-T01-000001', 'Espèces']) {
      expect(text).toContain(mention);
    }
    // Phone-friendly: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.goto(`${link}?lang=en`);
    expect(await phone.locator('main').innerText()).toContain('TOTAL incl. VAT');

    // Leaving the done panel: the next customer no longer sees this one's receipt.
    await panel.getByRole('button', { name: 'Nouvelle vente' }).click();
    await customer.getByRole('heading', { name: 'Bienvenue' }).waitFor({ timeout: 10_000 });
  });
});
