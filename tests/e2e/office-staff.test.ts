import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityProblems } from '../support/axe-check';
import { browserAvailable } from '../support/browser';
import { createOfficeUser, enrollSecondFactor, firstSignIn, startOfficeRig, type OfficeRig } from '../support/office-browser';

/**
 * The Staff and Stores & tills pages against a real hub (its demo store S001): an administrator adds
 * a person to the store's staff and creates a till whose enrollment code is shown with its QR code.
 */
describe.skipIf(!browserAvailable())('the back office’s staff and stores pages', () => {
  let rig: OfficeRig;
  let page: Page;

  beforeAll(async () => {
    rig = await startOfficeRig('office-staff');
    page = rig.page;
  });

  afterAll(() => rig?.close());

  /** Signs in as a new administrator: one-time password changed, second factor enrolled. */
  async function signInAsAdmin(): Promise<void> {
    const oneTime = createOfficeUser(rig, { email: 'ana@example.test', role: 'admin', name: 'Ana Admin' });
    await firstSignIn(rig, 'ana@example.test', oneTime, 'une autre phrase assez longue');
    await enrollSecondFactor(page);
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  }

  async function openStore(pageName: string, storeId: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: pageName }).click();
    await page.getByRole('heading', { level: 1, name: pageName }).waitFor();
    await chooseStore(storeId);
  }

  /** Administrators pick from every store the hub lists. */
  async function chooseStore(storeId: string): Promise<void> {
    await page.getByLabel('Magasin', { exact: true }).selectOption(storeId);
  }

  it('an administrator adds a person to a store’s staff, and creates a till whose enrollment code shows as a QR code', async () => {
    await signInAsAdmin();

    await openStore('Personnel', 'S001');
    const add = page.getByRole('form', { name: 'Ajouter une personne' });
    await add.getByLabel('Nom', { exact: true }).fill('Bruno Petit');
    await add.getByLabel('Rôle', { exact: true }).selectOption('manager');
    await add.getByLabel('Code personnel (4 à 6 chiffres)').fill('2468');
    await add.getByLabel('Confirmez le code').fill('2468');
    await add.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByRole('rowheader', { name: 'Bruno Petit' }).waitFor();
    expect(await page.getByLabel('Rôle de Bruno Petit').inputValue()).toBe('manager');
    expect(await add.getByLabel('Code personnel (4 à 6 chiffres)').inputValue()).toBe('');
    // The hub has it too: a reload lists it again.
    await page.reload();
    await chooseStore('S001');
    await page.getByRole('rowheader', { name: 'Bruno Petit' }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await openStore('Magasins et caisses', 'S001');
    const tills = page.getByRole('form', { name: 'Caisses' });
    await tills.getByLabel('Identifiant de la caisse').fill('T09');
    await tills.getByRole('button', { name: 'Créer la caisse' }).click();
    const qr = tills.getByRole('img', { name: 'QR code du code d’inscription de la caisse T09' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect((await tills.locator('code.secret').textContent())?.trim()).toMatch(/\S{6,}/);
    await tills.getByText(/^Valable une seule fois, jusqu’au /).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
