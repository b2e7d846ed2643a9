import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityProblems } from '../support/axe-check';
import { browserAvailable, launchChromium } from '../support/browser';
import { freePort } from '../support/free-port';
import { hubCommand, startHubProcess, type HubProcess } from '../sync/hub-process';

/**
 * The Staff and Stores & tills pages against a real hub (its demo store S001): an administrator adds
 * a person to the store's staff and creates a till whose enrollment code is shown with its QR code.
 */
describe.skipIf(!browserAvailable())('the back office’s staff and stores pages', () => {
  let hubDir: string;
  let hub: HubProcess;
  let page: Page;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    hubDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-office-staff-'));
    hub = await startHubProcess({ port: await freePort(), dataDir: hubDir, args: ['--demo'] });
    const { context } = await launchChromium();
    closeBrowser = () => context.close();
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('page error:', error.message));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await hub?.stop();
    await rm(hubDir, { recursive: true, force: true });
  });

  /** Signs in as a new administrator: one-time password changed, second factor enrolled. */
  async function signInAsAdmin(): Promise<void> {
    const oneTime = hubCommand(['user', 'create', '--email', 'ana@example.test', '--role', 'admin', '--name', 'Ana Admin'], {
      dataDir: hubDir,
    }).trim();
    await page.goto(`${hub.url}/office/`);
    await page.getByLabel('Adresse e-mail').fill('ana@example.test');
    await page.getByLabel('Mot de passe').fill(oneTime);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel('Mot de passe actuel').fill(oneTime);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une autre phrase assez longue');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('une autre phrase assez longue');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: 'Activez la double authentification' }).waitFor();
    const key = (await page.locator('code.secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code à 6 chiffres affiché par l’application').fill(new TOTP({ secret: Secret.fromBase32(key) }).generate());
    await page.getByRole('button', { name: 'Activer' }).click();
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
