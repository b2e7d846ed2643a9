import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../sync-server/src/server';
import { joinPath } from '../../sync-server/src/test-support/signup-client';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { client, enrolledTills } from '../../sync-server/src/test-support/test-hub';
import { seriousAccessibilityProblems } from '../support/axe-check';
import { browserAvailable, launchChromium } from '../support/browser';

/**
 * The loyalty sign-up as a customer's phone sees it (Chromium, a narrow screen): the receipt's
 * link opens the hub's form, the customer fills it in with the keyboard and sends it, and the page
 * welcomes the new member with the card as a QR code; the hub holds the claim.
 */
const pglite = testTargets().find((t) => t.name === 'pglite')!;

describe.skipIf(!browserAvailable())('signing up from the receipt’s QR code, in a phone’s browser', () => {
  let database: TestDatabase;
  let hub: Hub;
  let hubUrl: string;
  let context: BrowserContext;

  beforeAll(async () => {
    database = await pglite.open();
    hub = await createHub({ database: database.db, port: 0, rateLimit: false });
    hubUrl = await hub.listen();
    context = (await launchChromium()).context;
  });

  afterAll(async () => {
    await context?.close();
    await hub?.close();
    await database?.close();
  });

  it('fills the form, consents to e-mails, and is welcomed with the card; the sale is claimed', async () => {
    const [till] = await enrolledTills(database.db, 'S1', ['T1']);
    const sale = till!.chains.sale('s-phone');
    await client(hub, till!).pushRecords([till!.chains.start(), sale]);
    await hub.catchUp();

    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.setExtraHTTPHeaders({ 'accept-language': 'fr-FR,fr;q=0.9' });
    const errors: string[] = [];
    phone.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await phone.goto(`${hubUrl}${joinPath(sale)}`);
    await phone.getByRole('heading', { name: 'Devenez membre' }).waitFor();
    expect(await seriousAccessibilityProblems(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await phone.getByLabel('Prénom', { exact: true }).fill('Camille');
    await phone.getByLabel('Nom', { exact: true }).fill('Durand');
    await phone.getByLabel('E-mail', { exact: true }).fill('camille@example.com');
    await phone.getByLabel('J’accepte de recevoir les offres du magasin par e-mail').check();
    await phone.getByLabel('Nom', { exact: true }).press('Enter');

    await phone.getByRole('heading', { name: 'Bienvenue !' }).waitFor();
    expect(await phone.getByRole('status').innerText()).toContain('Merci Camille, vous êtes membre');
    const [member] = await database.db.query<{ card_number: string; consents: { email: { given: boolean; channel: string } } }>(
      'SELECT card_number, consents FROM chain_customers',
    );
    await phone.getByRole('img', { name: member!.card_number }).waitFor();
    expect(member!.consents.email).toMatchObject({ given: true, channel: 'receipt-qr' });
    expect(await seriousAccessibilityProblems(phone)).toEqual([]);
    const [claim] = await database.db.query<{ status: string }>(`SELECT status FROM signup_claims WHERE sale_id = 's-phone'`);
    expect(claim?.status).toBe('claimed');
    // No style or script the page's policy refused.
    expect(errors).toEqual([]);
  });
});
