import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { signIn, staffTile } from '../support/till-page';
import { useTillSession } from '../support/till-session';

/** The sign-in as a cashier meets it: the person is locked, not the till, and a manager unlocks. */
describe.skipIf(!browserAvailable())('five wrong PINs lock the person, not the till', () => {
  const session = useTillSession({ prefix: 'pos-e2e-lock-', env: () => ({ POS_PRINTER: 'none' }) });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('fits the keypad’s Corriger and Effacer in their keys on a 1024×768 screen', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await staffTile(page, 'Camille').click();
    for (const name of ['Corriger', 'Effacer']) {
      const key = page.getByRole('button', { name, exact: true });
      const fit = await key.evaluate((el) => ({
        clipped: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
        width: el.getBoundingClientRect().width,
        height: el.getBoundingClientRect().height,
      }));
      expect(fit.clipped, name).toBe(false);
      expect(Math.min(fit.width, fit.height), name).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('button', { name: 'Changer de personne' }).click();
  });

  const lockLine = () => page.getByRole('alert').filter({ hasText: 'Trop de codes faux pour Camille' });

  it('keeps the focus in the field after each wrong PIN, then counts Camille’s lock down each second', async () => {
    await staffTile(page, 'Camille').click();
    const field = page.getByLabel('Code personnel', { exact: true });
    for (let i = 0; i < 5; i++) {
      // Typed with the keys only: the focus must still be in the field after each refusal.
      await page.keyboard.type('0000');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => field.evaluate((input) => input === document.activeElement && (input as HTMLInputElement).value === ''))
        .toBe(true);
    }
    await lockLine().waitFor();
    const first = await lockLine().innerText();
    await expect.poll(() => lockLine().innerText(), { timeout: 5_000 }).not.toBe(first);
  });

  it('still signs the manager in, and after a restart of the page Camille is still locked', async () => {
    await page.getByRole('button', { name: 'Changer de personne' }).click();
    await signIn(page, '5678');
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await page.reload();
    await staffTile(page, 'Camille').waitFor();
    await page.getByRole('button', { name: 'Déverrouiller Camille' }).waitFor();
  });

  it('is unlocked by another manager’s PIN, and Camille signs in', async () => {
    await page.getByRole('button', { name: 'Déverrouiller Camille' }).click();
    const managerPin = page.getByLabel('Code du responsable');
    await managerPin.fill('246810');
    await managerPin.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Camille est déverrouillé(e) par Luc.' }).waitFor();
    const field = page.getByLabel('Code personnel', { exact: true });
    await field.fill('1234');
    await field.press('Enter');
    await page.locator('html[data-ready="scan"]').waitFor({ timeout: 30_000 });
  });
});
