import { demoProduct, digitalReceiptKey, type CustomerDisplayState, type SealedRecord } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedCustomerDisplay } from '../../app/customer-display-feed';
import { useCartStore } from '../../state/cart-store';
import { replaceProfile } from '../../state/services';
import { useSyncStore } from '../../state/sync-store';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);
const HUB = {
  enrolled: true,
  hubUrl: 'http://hub.test:8080',
  storeId: 'S001',
  tillId: 'T01',
  online: true,
  lastSyncAt: null,
  lastError: null,
};

let till: Till;
let user: UserEvent;
let stopFeed: (() => void) | null = null;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
  useSyncStore.setState({ hub: HUB });
});
afterEach(async () => {
  stopFeed?.();
  stopFeed = null;
  useSyncStore.setState({ hub: null });
  await stopTill();
});

/** A cash sale paid to the cent: the done panel it ends on. */
async function sellForCash(): Promise<{ done: HTMLElement; saleId: string }> {
  renderTill();
  await act(() => sellCode(oignons.barcodes[0]!));
  const saleId = useCartStore.getState().cart.id;
  await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
  await user.click(screen.getByRole('button', { name: 'Montant exact' }));
  return { done: await screen.findByRole('region', { name: 'Vente terminée' }), saleId };
}

const question = (done: HTMLElement) => within(done).getByRole('group', { name: 'Le client veut-il un ticket ?' });

describe('a receipt on request (loi AGEC)', () => {
  it('asks the customer: nothing prints until paper is asked for, and the drawer opens at once for cash', async () => {
    const { done, saleId } = await sellForCash();
    const choices = within(question(done)).getAllByRole('button');
    expect(choices.map((b) => b.textContent)).toEqual(['Ticket papier', 'Ticket numérique', 'Pas de ticket']);
    await waitFor(() => expect(till.callsOf('drawer.openForSale')).toEqual([{ saleId }]));
    expect(till.callsOf('receipt.print')).toEqual([]);

    await user.click(within(done).getByRole('button', { name: 'Ticket papier' }));
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId }]));
    await waitFor(() => expect(within(done).getByText(/^Ticket envoyé à l’imprimante/)).toBeTruthy());
    expect(within(done).queryByRole('group')).toBeNull();
    // The drawer opened once, with the sale, not again with the receipt.
    expect(till.callsOf('drawer.openForSale')).toHaveLength(1);
  });

  it('prints nothing when the customer wants no receipt, and still prints one if they change their mind', async () => {
    const { done, saleId } = await sellForCash();
    await user.click(within(done).getByRole('button', { name: 'Pas de ticket' }));
    expect(within(done).getByText('Pas de ticket imprimé.')).toBeTruthy();
    expect(within(done).queryByRole('button', { name: 'Réimprimer (duplicata)' })).toBeNull();
    expect(till.callsOf('receipt.print')).toEqual([]);
    await user.click(within(done).getByRole('button', { name: 'Imprimer le ticket' }));
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId }]));
  });

  it('shows the digital receipt as a link and a QR code, on the done panel and on the customer display', async () => {
    stopFeed = feedCustomerDisplay();
    const { done, saleId } = await sellForCash();
    const record = useCartStore.getState().lastSale!.record as SealedRecord<'sale'>;
    const link = `http://hub.test:8080/r/S001/${saleId}.${digitalReceiptKey(record.signature)}`;
    // While the cashier asks, the customer can already scan it.
    await waitFor(() => expect((till.callsOf('display.show').at(-1) as CustomerDisplayState).receiptUrl).toBe(link));

    await user.click(within(done).getByRole('button', { name: 'Ticket numérique' }));
    expect(within(done).getByRole('link').getAttribute('href')).toBe(link);
    await waitFor(() => expect(within(done).getByRole('img', { name: 'Code QR du ticket numérique' })).toBeTruthy());
    expect(till.callsOf('receipt.print')).toEqual([]);
    expect((till.callsOf('display.show').at(-1) as CustomerDisplayState).receiptUrl).toBe(link);
  });

  it('offers no digital receipt while the till knows no hub address', async () => {
    useSyncStore.setState({ hub: { ...HUB, enrolled: false, hubUrl: null } });
    const { done } = await sellForCash();
    expect(within(done).getByRole('button', { name: 'Ticket numérique' })).toHaveProperty('disabled', true);
    expect(within(done).getByText(/Ticket numérique indisponible/)).toBeTruthy();
  });

  it('prints at once, without asking, in a store that always prints', async () => {
    replaceProfile({ ...till.profile, receipt: { paper: 'always' } });
    const { done, saleId } = await sellForCash();
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId }]));
    expect(within(done).queryByRole('group')).toBeNull();
    // The drawer's kick goes first: the change is given while the receipt prints.
    const order = till.timeline.filter((name) => name === 'drawer.openForSale' || name === 'receipt.print');
    expect(order).toEqual(['drawer.openForSale', 'receipt.print']);
  });

  it('asks nothing and prints nothing in a store that never prints, paper staying one tap away', async () => {
    replaceProfile({ ...till.profile, receipt: { paper: 'never' } });
    const { done } = await sellForCash();
    expect(within(done).queryByRole('group')).toBeNull();
    expect(within(done).getByRole('button', { name: 'Imprimer le ticket' })).toBeTruthy();
    expect(till.callsOf('receipt.print')).toEqual([]);
  });
});

describe('the note of services (arrêté 83-50/A)', () => {
  /** A haircut (a service) and onions (goods) paid to the cent in a store that never prints. */
  async function sellHaircut(price: number): Promise<{ done: HTMLElement; saleId: string }> {
    replaceProfile({ ...till.profile, receipt: { paper: 'never' } });
    const coupe = { ...demoProduct(101), price, service: true as const };
    await till.db.catalog.products.put(coupe);
    renderTill();
    await act(() => sellCode(coupe.barcodes[0]!));
    await act(() => sellCode(oignons.barcodes[0]!));
    const saleId = useCartStore.getState().cart.id;
    expect(useCartStore.getState().cart.lines.map((l) => l.service ?? false)).toEqual([true, false]);
    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(screen.getByRole('button', { name: 'Montant exact' }));
    return { done: await screen.findByRole('region', { name: 'Vente terminée' }), saleId };
  }

  it('prints the note of 25 € TTC of services unasked, whatever the store says, and tells the cashier why', async () => {
    const { done, saleId } = await sellHaircut(2_500);
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId }]));
    expect(within(done).queryByRole('group')).toBeNull();
    expect(within(done).getByText('Note obligatoire : prestation de services de 25 € TTC ou plus.')).toBeTruthy();
    expect(useCartStore.getState().lastSale).toMatchObject({ receipt: 'paper', serviceNote: true });
    // The sealed sale has no place for the flag: the till decided before the receipt.
    expect(useCartStore.getState().lastSale!.record.payload.lines.some((l) => 'service' in l)).toBe(false);
  });

  it('follows the store below 25 € of services, the goods of the ticket not counted', async () => {
    const { done } = await sellHaircut(2_499);
    expect(within(done).getByRole('button', { name: 'Imprimer le ticket' })).toBeTruthy();
    expect(within(done).queryByText(/Note obligatoire/)).toBeNull();
    expect(till.callsOf('receipt.print')).toEqual([]);
    expect(useCartStore.getState().lastSale).not.toHaveProperty('serviceNote');
  });
});

describe('the drawer of a cash sale', () => {
  it('says in French that the drawer did not open when the printer is unreachable, and tries again on request', async () => {
    let answer: 'failed' | 'opened' = 'failed';
    till.handle('drawer.openForSale', () =>
      answer === 'failed'
        ? { status: 'failed', reason: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:9100' }
        : { status: 'opened' },
    );
    const { done } = await sellForCash();
    const alert = await within(done).findByRole('alert');
    expect(alert.textContent).toContain('Le tiroir-caisse ne s’est pas ouvert : l’imprimante qui le commande est injoignable');
    expect(alert.textContent).not.toMatch(/ECONNREFUSED|connect/);
    answer = 'opened';
    await user.click(within(alert).getByRole('button', { name: 'Réessayer d’ouvrir le tiroir' }));
    await waitFor(() => expect(within(done).queryByRole('alert')).toBeNull());
    expect(till.callsOf('drawer.openForSale')).toHaveLength(2);
  });

  it('says it may not have opened after a time-out, with nothing to retry (it may be open)', async () => {
    till.handle('drawer.openForSale', () => ({ status: 'failed', reason: 'timeout', message: 'no answer' }));
    const { done } = await sellForCash();
    const alert = await within(done).findByRole('alert');
    expect(alert.textContent).toContain('le tiroir-caisse ne s’est peut-être pas ouvert');
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});
