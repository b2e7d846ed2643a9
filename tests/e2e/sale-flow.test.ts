import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct, demoStoreProfile, encodeVariableMeasure, weighedItemCode } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinterRig } from '../rigs/fake-printer';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { trailingProcessId } from '@pos/hardware/common';
import { decodeText, tokenizeEscPos } from '../../hardware/src/test-support/esc-pos-tokenizer';
import { freePort } from '../support/free-port';
import { answerDialog, cart, cartRows, donePanel, history, openPayment, payCard, payCash, scan, signIn } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const layouts = demoStoreProfile().variableMeasureLayouts;
const onions = demoProduct(100); // 1,99 € at 5.5 %
const wine = demoProduct(106); // a 20 % product
const apples = demoProduct(0); // weighed, per kg

describe.skipIf(!browserAvailable())('a sale end to end in browser mode', () => {
  let dataDir: string;
  let printer: FakePrinterRig;
  let till: TillProcess;
  let port: number;
  let context: BrowserContext;
  let page: Page;
  const env = () => ({ POS_PRINTER: printer.target, POS_TERMINAL_DELAY_MS: '20' });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-sale-'));
    printer = await startFakePrinter();
    port = await freePort();
    till = await startTill({ dataDir, port, env: env() });
    ({ context } = await launchChromium());
    page = await openTill(context, till.url);
  });

  afterAll(async () => {
    await context?.close();
    await till?.stop();
    await printer?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs in, scans, weighs, discounts, splits the tender, opens the drawer and prints the receipt on request', async () => {
    expect(wine.vatRateId).toBe('FR-20');
    await signIn(page, '1234');
    await scan(page, onions.barcodes[0]!);
    await scan(page, onions.barcodes[0]!);
    await scan(page, wine.barcodes[0]!);
    await scan(page, encodeVariableMeasure('20', weighedItemCode(0), 532, layouts[0]!));
    await expect.poll(() => cartRows(page).count()).toBe(3);
    const onionRow = cart(page).getByRole('row').filter({ hasText: onions.name });
    await expect.poll(() => onionRow.getByRole('cell').nth(1).innerText()).toContain('2');
    await expect.poll(() => cart(page).getByText(apples.name).count()).toBe(1);
    await expect.poll(() => cart(page).getByText('0,532 kg').count()).toBe(1);

    await onionRow.getByRole('button', { name: `Sélectionner ${onions.name}` }).click();
    await page.keyboard.press('F4');
    await answerDialog(page, { Valeur: '10' });
    await expect.poll(() => onionRow.innerText()).toContain('Remise 10');

    await openPayment(page);
    await payCard(page, '5,00');
    await expect.poll(() => page.getByRole('list', { name: 'Règlements' }).innerText()).toContain('Accepté');
    await payCash(page, '50');
    await donePanel(page).waitFor();
    await expect.poll(() => donePanel(page).innerText()).toContain('T01-000001');
    await expect.poll(() => donePanel(page).innerText()).toContain('À rendre');
    // Cash was taken: the drawer opens at once, before anyone asks for a receipt (its own job).
    await printer.waitForReceipts(1, 10_000);
    expect(printer.drawerKicks).toHaveLength(1);
    await donePanel(page).getByRole('button', { name: 'Ticket papier' }).click();

    const bytes = (await printer.waitForReceipts(2, 10_000))[1];
    expect([...bytes!.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    const reading = tokenizeEscPos(bytes!);
    expect(reading.problems).toEqual([]);
    // The cut, then the process ID request (GS ( H fn 48) whose answer says the receipt is out.
    const tail = [...bytes!.subarray(bytes!.length - 14)];
    expect(tail.slice(0, 3)).toEqual([0x1d, 0x56, 0x01]);
    expect(tail.slice(3, 10)).toEqual([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30]);
    expect(trailingProcessId(bytes!)).toMatch(/^\d{4}$/);
    const text = decodeText(bytes!);
    for (const expected of [
      onions.name.slice(0, 20),
      wine.name.slice(0, 20),
      apples.name,
      '0,532 kg',
      'Remise 10,0 %',
      'TOTAL TTC',
      'Carte bancaire',
      'Espèces',
      'Rendu',
      'FR83404833048',
      'T01-000001',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/^B\s+5,5 %/m);
    expect(text).toMatch(/^D\s+20,0 %/m);
    expect(text).toContain('€');
  });

  it('lists the sale after a restart and reprints it as a numbered DUPLICATA', async () => {
    await till.stop();
    till = await startTill({ dataDir, port, env: env() });
    page = await openTill(context, till.url);
    await signIn(page, '1234');
    const panel = await history(page);
    await expect.poll(() => panel.getByRole('button', { name: 'Voir le ticket S001-T01-000001' }).count()).toBe(1);
    await panel.getByRole('button', { name: 'Voir le ticket S001-T01-000001' }).click();
    await panel.getByRole('button', { name: 'Réimprimer (duplicata)' }).click();
    // After the drawer's kick and the original.
    const receipts = await printer.waitForReceipts(3, 10_000);
    expect(decodeText(receipts[2]!)).toContain('DUPLICATA n° 1');
    expect(printer.drawerKicks).toHaveLength(1);
    await expect.poll(() => panel.getByRole('figure').innerText()).toContain('DUPLICATA n° 1');
  });
});
