import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityProblems } from '../support/axe-check';
import { browserAvailable } from '../support/browser';
import { createOfficeUser, firstSignIn, startOfficeRig, type OfficeRig } from '../support/office-browser';

/**
 * The Closings and fiscal page against a real hub (its demo store S001): an accountant of the store
 * opens it, sees its closings and chains sections, downloads the store's signed archive through the
 * streamed route with the progress shown, and the page has no serious accessibility problem.
 */
describe.skipIf(!browserAvailable())('the back office closings page', () => {
  let rig: OfficeRig;
  let page: Page;

  beforeAll(async () => {
    rig = await startOfficeRig('closings');
    page = rig.page;
  });

  afterAll(() => rig?.close());

  it('an accountant sees the store’s closings and chains and downloads its archive', async () => {
    const oneTime = createOfficeUser(rig, { email: 'compta@example.test', role: 'accountant', stores: 'S001', name: 'Claire Dupont' });
    await firstSignIn(rig, 'compta@example.test', oneTime, 'une phrase de passe assez longue', '/office/closings');

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Clôtures et fiscal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clôtures et fiscal' }).waitFor();
    expect(await page.getByLabel('Magasin').inputValue()).toBe('S001');
    await page.getByRole('heading', { level: 2, name: 'Tickets Z' }).waitFor();
    // The hub answered (no refusal): the store has no Z yet, said in French.
    await page.getByText('Aucune clôture de ce type pour ce magasin.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'État des chaînes' }).click();
    await page.getByRole('heading', { level: 2, name: 'État des chaînes' }).waitFor();
    await page.getByText('Aucune rupture de chaîne.').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Archive fiscale' }).click();
    await page.getByLabel('Du').fill('2026-01-01');
    await page.getByLabel('Au').fill('2026-12-31');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger l’archive' }).click();
    const done = page.getByText(/^Archive téléchargée \(/);
    await done.waitFor();
    expect((await download).suggestedFilename()).toBe('archive-S001-2026-01-01-2026-12-31.zip');
    // A zip of a few kilobytes at least (manifest, keys, signature), counted as it streamed.
    const size = Number((await done.textContent())!.replace(/\D/g, ''));
    expect(size).toBeGreaterThan(100);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
