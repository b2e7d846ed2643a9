import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { seedMigratedDataDir } from '../../sync-server/src/test-support/migrated-data-dir';
import { hubCommand, startHubProcess, type HubProcess } from '../sync/hub-process';
import { launchChromium } from './browser';
import { freePort } from './free-port';

/** A real hub with its demo store (S001) and one Chromium page for the back office. */
export type OfficeRig = {
  readonly hubDir: string;
  readonly hub: HubProcess;
  readonly page: Page;
  close(): Promise<void>;
};

export async function startOfficeRig(prefix: string): Promise<OfficeRig> {
  const hubDir = await mkdtemp(path.join(tmpdir(), `pos-e2e-${prefix}-`));
  // From the migrated template: the hub's first start spends no initdb nor migrations (seconds).
  await seedMigratedDataDir(hubDir);
  const hub = await startHubProcess({ port: await freePort(), dataDir: hubDir, args: ['--demo'] });
  const { context } = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return {
    hubDir,
    hub,
    page,
    async close() {
      await context.close();
      await hub.stop();
      await rm(hubDir, { recursive: true, force: true });
    },
  };
}

/** A head-office user made with the hub's CLI: its one-time password, printed alone. */
export function createOfficeUser(
  rig: OfficeRig,
  user: { readonly email: string; readonly role: string; readonly name: string; readonly stores?: string },
): string {
  const args = ['user', 'create', '--email', user.email, '--role', user.role, '--name', user.name];
  if (user.stores) args.push('--stores', user.stores);
  return hubCommand(args, { dataDir: rig.hubDir }).trim();
}

/** Signs in with the one-time password at `address` (under /office/) and sets `newPassword`, as the hub requires. */
export async function firstSignIn(
  rig: OfficeRig,
  email: string,
  oneTime: string,
  newPassword: string,
  address = '/office/',
): Promise<void> {
  const { page } = rig;
  await page.goto(`${rig.hub.url}${address}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(oneTime);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel('Mot de passe actuel').fill(oneTime);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
}

/** The authenticator app, played by the test: the key the page shows, the code of the current 30 s. */
export async function enrollSecondFactor(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Activez la double authentification' }).waitFor();
  const key = (await page.locator('code.secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code à 6 chiffres affiché par l’application').fill(new TOTP({ secret: Secret.fromBase32(key) }).generate());
  await page.getByRole('button', { name: 'Activer' }).click();
}
