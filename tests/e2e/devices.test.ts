import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoProduct } from '@pos/core';
import type { BrowserContext, Page } from 'playwright-core';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socat, startPtyPair, type PtyPair } from '../../hardware/src/test-support/pty-pair';
import { browserAvailable, launchChromium, openTill } from '../support/browser';
import { cartRows, signIn, staffTile } from '../support/till-page';
import { startTill, type TillProcess } from '../support/till-process';

const onions = demoProduct(100);

/** The customer page of a till's address: the same token, the customer view. */
function customerUrl(tillUrl: string): string {
  const url = new URL(tillUrl);
  url.search = '?view=customer';
  return url.href;
}

function writeTo(path: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600 }, (error) => {
      if (error) return reject(error);
      port.write(text, (writeError) => {
        if (writeError) return reject(writeError);
        port.drain(() => port.close(() => resolve()));
      });
    });
  });
}

describe.skipIf(!browserAvailable() || (!socat && process.env.CI !== 'true'))('devices the till host drives, seen in Chromium', () => {
  let dataDir: string;
  let scanner: PtyPair;
  let till: TillProcess;
  let context: BrowserContext;
  let page: Page;
  let customer: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-devices-'));
    scanner = await startPtyPair();
    // What the manager's Devices screen writes: a serial scanner on the pty's far end.
    await writeFile(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ scanner: { mode: 'serial', path: scanner.a, baudRate: 9600, suffix: 'CR' } }),
    );
    till = await startTill({ dataDir, env: { POS_PRINTER: 'none', POS_TERMINAL_DELAY_MS: '20' } });
    ({ context } = await launchChromium());
    page = await openTill(context, till.url);
    customer = await context.newPage();
    await customer.goto(customerUrl(till.url));
  });

  afterAll(async () => {
    await context?.close();
    await till?.stop();
    await scanner?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sells what the serial scanner reads, and the customer display shows it', async () => {
    await signIn(page, '1234');
    await expect.poll(() => customer.getByRole('heading').innerText()).toBe('Bienvenue');
    await writeTo(scanner.b, `${onions.barcodes[0]}\r`);
    await expect.poll(() => cartRows(page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => cartRows(page).first().innerText()).toContain(onions.name);
    await expect.poll(() => customer.getByRole('row').first().innerText(), { timeout: 10_000 }).toContain(onions.name);
    await expect.poll(() => customer.getByRole('status').innerText()).toMatch(/1,99/);
  });

  it('shows the manager the scanner in the Devices screen, ready', async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await staffTile(page, 'Sophie').waitFor();
    await signIn(page, '5678');
    await page.getByRole('button', { name: 'Périphériques' }).click();
    const row = page.locator('tr[data-role="scanner"]');
    await expect.poll(() => row.getAttribute('data-state')).toBe('ready');
    expect(await row.innerText()).toContain(scanner.a);
  });
});
