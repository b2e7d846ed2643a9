import { demoProduct } from '@pos/core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { donePanel, openPayment, payCard, payCash, scan } from '../support/till-page';
import { useTillSession } from '../support/till-session';

const cheese = demoProduct(102);

/**
 * The real host and its simulated terminal: an amount ending in 52 gets no answer, as a terminal
 * whose customer walked away. The terminal "works" 1.5 s on a card and gives up after 3 s.
 */
describe.skipIf(!browserAvailable())('payment slips of issue 11, with the real host', () => {
  const session = useTillSession({
    prefix: 'pos-e2e-pay-',
    env: () => ({ POS_PRINTER: 'none', POS_TERMINAL_DELAY_MS: '1500', POS_TERMINAL_TIMEOUT_MS: '3000' }),
    pin: '1234',
  });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('while the terminal works, says so and offers no decline; "unknown" and its choices only after its time-out', async () => {
    await scan(page, cheese.barcodes[0]!);
    const region = await openPayment(page);
    await payCard(page, '0,52');
    const tenders = page.getByRole('list', { name: 'Règlements' });
    await tenders.getByRole('status').filter({ hasText: 'Le terminal traite le paiement' }).waitFor();
    // What the terminal asks the customer, in French (the demo terminal: the card, then the bank).
    await tenders.getByRole('status').filter({ hasText: 'Le terminal attend la réponse de la banque' }).waitFor({ timeout: 2_500 });
    expect(await tenders.innerText()).not.toMatch(/Résultat inconnu|peut-être été débité/);
    expect(await tenders.getByRole('button', { name: 'Le ticket terminal indique REFUSÉ' }).count()).toBe(0);

    // The terminal's time-out passed: now nobody knows, and a person may settle it.
    const help = tenders.getByRole('alert');
    await help.waitFor({ timeout: 10_000 });
    expect(await help.innerText()).toContain('peut-être été débité');
    await help.getByRole('button', { name: 'Interroger le terminal' }).click();
    // The simulator's status enquiry knows the customer was charged: the card counts, the rest in cash.
    await expect.poll(() => tenders.innerText()).toContain('Accepté');
    await region.getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();
    await donePanel(page).getByRole('button', { name: 'Pas de ticket' }).click();
  });

  it('10 000 € received on a small sale is asked about, and nothing is taken when corrected', async () => {
    await page.getByRole('button', { name: /^Nouvelle vente/ }).click();
    await scan(page, cheese.barcodes[0]!);
    const region = await openPayment(page);
    await payCash(page, '10000');
    const dialog = page.getByRole('dialog', { name: 'Montant reçu inhabituel' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Corriger le montant' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('list', { name: 'Règlements' }).count()).toBe(0);
    await region.getByRole('button', { name: 'Montant exact' }).click();
    await donePanel(page).waitFor();
  });
});
