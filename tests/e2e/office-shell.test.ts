import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityProblems } from '../support/axe-check';
import { browserAvailable } from '../support/browser';
import { createOfficeUser, firstSignIn, startOfficeRig, type OfficeRig } from '../support/office-browser';
import type { HubProcess } from '../sync/hub-process';

/**
 * The back office as head office opens it: a real hub process serving /office/ to Chromium, in
 * French, accessible, and signed in (users made by `npm run hub -- user create`) to the navigation of the user's role.
 */
describe.skipIf(!browserAvailable())('the back office served by the hub', () => {
  let rig: OfficeRig;
  let hub: HubProcess;
  let page: Page;
  const csp: string[] = [];

  beforeAll(async () => {
    rig = await startOfficeRig('office');
    ({ hub, page } = rig);
    // A policy violation shows as a console error: there must be none (no inline script or style).
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) csp.push(message.text());
    });
  });

  afterAll(() => rig?.close());

  it('opens on the sign-in page in French, under its own policy, compressed, with no serious accessibility problem', async () => {
    const response = await page.goto(`${hub.url}/office/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(response?.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('heading', { level: 1, name: 'Connexion au back-office' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');

    // The main script: hashed, cached for ever, sent in brotli to Chromium.
    const script = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '');
    expect(script).toMatch(/\/office\/assets\/index-[\w-]+\.js$/);
    const asset = await page.request.get(script, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers()['content-encoding']).toBe('br');
    expect(asset.headers()['cache-control']).toContain('immutable');

    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // An address of a page, opened directly (a bookmark), is the app too; a wrong password is said in French.
    await page.goto(`${hub.url}/office/sales`);
    await page.getByLabel('Adresse e-mail').fill('nobody@example.test');
    await page.getByLabel('Mot de passe').fill('wrong password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    expect(await page.getByLabel('Mot de passe').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(csp).toEqual([]);
  });

  it('an accountant signs in with the one-time password, changes it, and sees the navigation of the role', async () => {
    const oneTime = createOfficeUser(rig, { email: 'claire@example.test', role: 'accountant', stores: 'S001', name: 'Claire Dupont' });
    await page.goto(`${hub.url}/office/`);
    await page.getByLabel('Adresse e-mail').fill('claire@example.test');
    await page.getByLabel('Mot de passe').fill(oneTime);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' }).waitFor();
    await page.getByLabel('Mot de passe actuel').fill(oneTime);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une phrase de passe assez longue');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('une phrase de passe assez longue');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Tableau de bord',
      'Ventes',
      'Clôtures et fiscal',
      'Stock',
      'Mon compte',
    ]);
    await page.getByText('Connecté : Claire Dupont (Comptable)').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await nav.getByRole('link', { name: 'Clôtures et fiscal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clôtures et fiscal' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/office/closings');

    // On a tablet held upright: the navigation above the page, nothing wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await nav.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The session survives a reload (HttpOnly cookie); signing out ends it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clôtures et fiscal' }).waitFor();
    // The keyboard's first stop is the skip link, which jumps over the banner and navigation to the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion au back-office' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion au back-office' }).waitFor();
    expect(csp).toEqual([]);
  });

  it('an administrator enrolls the second factor the hub requires, then sees every page', async () => {
    const oneTime = createOfficeUser(rig, { email: 'ana@example.test', role: 'admin', name: 'Ana Admin' });
    await firstSignIn(rig, 'ana@example.test', oneTime, 'une autre phrase assez longue');

    await page.getByRole('heading', { name: 'Activez la double authentification' }).waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    // The authenticator app, played by the test: the key the page shows, the code of the current 30 s.
    const key = (await page.locator('code.secret').textContent())!.replace(/\s/g, '');
    const code = new TOTP({ secret: Secret.fromBase32(key) }).generate();
    await page.getByLabel('Code à 6 chiffres affiché par l’application').fill(code);
    await page.getByRole('button', { name: 'Activer' }).click();

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.waitFor();
    expect(await visitEveryPage(page)).toEqual([
      'Tableau de bord',
      'Ventes',
      'Clôtures et fiscal',
      'Stock',
      'Catalogue',
      'Clients',
      'Fidélité',
      'Magasins et caisses',
      'Personnel',
      'Utilisateurs et audit',
      'Mon compte',
    ]);
    expect(csp).toEqual([]);
  });

  it.each([
    [
      'regional',
      'Rémi Régional',
      ['Tableau de bord', 'Ventes', 'Clôtures et fiscal', 'Stock', 'Catalogue', 'Magasins et caisses', 'Personnel'],
    ],
    [
      'store-manager',
      'Sophie Gérante',
      ['Tableau de bord', 'Ventes', 'Clôtures et fiscal', 'Stock', 'Catalogue', 'Magasins et caisses', 'Personnel'],
    ],
    ['accountant', 'Alain Comptable', ['Tableau de bord', 'Ventes', 'Clôtures et fiscal', 'Stock']],
  ])(
    'the %s role opens every page it has, on a desktop and on a tablet, with no serious accessibility problem',
    async (role, name, pages) => {
      await page.context().clearCookies();
      const email = `${role}@example.test`;
      const oneTime = createOfficeUser(rig, { email, role, name, stores: 'S001' });
      await firstSignIn(rig, email, oneTime, 'une phrase de passe assez longue');
      await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
      const visited = await visitEveryPage(page);
      // Every role has its own account page (API keys) besides the pages of its work.
      expect(visited).toEqual([...pages, 'Mon compte']);
      expect(csp).toEqual([]);
    },
  );
});

/**
 * Opens each page of the navigation in turn: its heading shown, nothing still loading, no serious
 * axe-core violation, and on a tablet held upright nothing wider than the screen. Returns the pages.
 */
async function visitEveryPage(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const names = await nav.getByRole('link').allTextContents();
  for (const name of names) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const problems = await seriousAccessibilityProblems(page);
    expect(problems, name).toEqual([]);
    await page.setViewportSize({ width: 768, height: 1024 });
    // What sticks out past the screen's right edge (a table scrolling inside its own box does not).
    const overflowing = await page.evaluate(() =>
      document.documentElement.scrollWidth <= window.innerWidth
        ? []
        : [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().width > window.innerWidth + 1)
            // The innermost: the element that pushes, not the boxes around it.
            .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().width > window.innerWidth + 1))
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );
    expect(overflowing, `${name} on a tablet`).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  return names;
}
