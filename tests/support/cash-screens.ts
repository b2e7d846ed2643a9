import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The "Caisse" menu of the sale screen, open. */
export async function cashMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const menu = page.getByRole('dialog', { name: 'Caisse', exact: true });
  await menu.waitFor();
  return menu;
}

/**
 * At the variance's approval screen: the reason chosen, "Accepter et clôturer", a manager's PIN in
 * the shared dialog. Answers the "Caisse clôturée" dialog with the Z.
 */
export async function approveVariance(page: Page, reason: string, managerPin: string): Promise<Locator> {
  const approve = page.getByRole('dialog', { name: 'Écart de caisse : accord d’un responsable' });
  await approve.getByRole('button', { name: reason }).click();
  await approve.getByRole('button', { name: 'Accepter et clôturer' }).click();
  const manager = page.getByRole('dialog', { name: 'Accord d’un responsable' });
  await manager.getByLabel('Code du responsable').fill(managerPin);
  await manager.getByRole('button', { name: 'Valider' }).click();
  return page.getByRole('dialog', { name: 'Caisse clôturée' });
}

/** The Z's PDF as the manager saves it: asked of the host, then the browser's download of it. Answers its bytes. */
export async function saveZPdf(page: Page, z: Locator): Promise<Buffer> {
  await z.getByRole('button', { name: 'Télécharger le PDF' }).click();
  const link = z.getByRole('link', { name: /^Enregistrer Z-S001-T01-\d{6}\.pdf$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile(await download.path());
}
