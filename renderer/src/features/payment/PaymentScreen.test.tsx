// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { cartTotals, demoProduct, PosError, type CardTender, type SalePayload, type SealRequest } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkDevices } from '../../app/device-link';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { euros, noticeText, paymentFigures, paymentRegion, plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);
const other = demoProduct(205);

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
});
afterEach(async () => {
  await stopTill();
});

/** Sells the products and opens the payment panel; returns the total and the sale id to come. */
async function toPayment(products = [oignons, other, other]): Promise<{ total: number; saleId: string }> {
  renderTill();
  for (const p of products) await act(() => sellCode(p.barcodes[0]!));
  const { cart } = useCartStore.getState();
  const total = cartTotals(cart, till.profile.vatRates).total;
  await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
  expect(paymentFigures()).toMatchObject({ 'À payer': euros(total), 'Reste à payer': euros(total) });
  return { total, saleId: cart.id };
}

function sealedSales(): SalePayload[] {
  return (till.callsOf('fiscal.seal') as SealRequest[]).filter((r) => r.chain === 'sale').map((r) => r.payload as SalePayload);
}

async function completed(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: 'Vente terminée' });
}

async function payByCard(amountText?: string): Promise<void> {
  const field = within(paymentRegion()).getByLabelText('Montant carte');
  if (amountText !== undefined) {
    await user.clear(field);
    await user.type(field, amountText);
  }
  await user.click(within(paymentRegion()).getByRole('button', { name: 'Payer par carte' }));
}

async function cashTendered(text: string): Promise<void> {
  await user.type(within(paymentRegion()).getByLabelText('Montant reçu'), text);
  await user.click(within(paymentRegion()).getByRole('button', { name: 'Valider les espèces' }));
}

describe('cash', () => {
  it('completes with exact cash: sealed, then written to RxDB, then printed on request — in that order', async () => {
    till.db.docs.sales.postInsert((doc) => void till.timeline.push(`rxdb.insert:${doc.id}`), false);
    let storedWhenPrinting: boolean | null = null;
    till.handle('receipt.print', async ({ saleId }: { saleId: string }) => {
      storedWhenPrinting = (await till.db.docs.sales.findOne(saleId).exec()) !== null;
      return { status: 'sent', bytes: 100 };
    });
    const { total, saleId } = await toPayment();
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    const done = await completed();
    // A receipt on request (loi AGEC): nothing prints until the customer asks for paper.
    expect(till.callsOf('receipt.print')).toEqual([]);
    await user.click(within(done).getByRole('button', { name: 'Ticket papier' }));

    expect(sealedSales()).toHaveLength(1);
    const sale = sealedSales()[0]!;
    expect(sale).toMatchObject({ saleId, total, staffId: 'staff-camille', storeId: 'S001', tillId: 'T01', change: 0 });
    expect(sale.tenders).toEqual([expect.objectContaining({ method: 'cash', amount: total, tendered: total, change: 0 })]);
    expect(sale.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [oignons.sku, 1],
      [other.sku, 2],
    ]);

    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId }]));
    const order = till.timeline.filter((step) => ['fiscal.seal', `rxdb.insert:${saleId}`, 'receipt.print'].includes(step));
    expect(order).toEqual(['fiscal.seal', `rxdb.insert:${saleId}`, 'receipt.print']);
    expect(storedWhenPrinting).toBe(true);

    const doc = await till.db.docs.sales.findOne(saleId).exec();
    expect(doc?.toJSON()).toMatchObject({ id: saleId, seq: 1 });
    expect(within(done).getByText('Ticket n° S001-T01-000001')).toBeTruthy();
    await waitFor(() => expect(within(done).getByText(/^Ticket envoyé à l’imprimante, qui ne peut pas confirmer/)).toBeTruthy());
    // The open cart is gone from the database and a new, empty one has started.
    expect(await till.db.docs.carts.findOne(saleId).exec()).toBeNull();
    expect(useCartStore.getState().cart.lines).toEqual([]);
    expect(useCartStore.getState().cart.id).not.toBe(saleId);
  });

  it('leaves "Reste à payer" with the right amount when the cash is short, and does not complete', async () => {
    const { total } = await toPayment();
    await cashTendered('1');
    expect(paymentFigures()['Reste à payer']).toBe(euros(total - 100));
    expect(within(screen.getByRole('list', { name: 'Règlements' })).getByText(euros(100))).toBeTruthy();
    expect(till.callsOf('fiscal.seal')).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Vente terminée' })).toBeNull();
    // The lines are now locked: scanning again is refused with a message.
    await act(() => sellCode(oignons.barcodes[0]!));
    expect(noticeText()).toMatch(/en cours de paiement/);
    // The rest in cash finishes the sale, with both tenders.
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await completed();
    expect(sealedSales()[0]!.tenders.map((t) => t.amount)).toEqual([100, total - 100]);
  });

  it('refuses an amount that is not one', async () => {
    await toPayment();
    await cashTendered('douze');
    expect(noticeText()).toMatch(/Saisissez un montant/);
    expect(useCartStore.getState().tenders).toEqual([]);
  });

  it('gives change for a quick 20 € note and shows it', async () => {
    const { total } = await toPayment([oignons, other]);
    expect(total).toBeLessThan(2000);
    await user.click(within(paymentRegion()).getByRole('button', { name: (name) => plain(name) === euros(2000) }));
    const done = await completed();
    expect(sealedSales()[0]).toMatchObject({ total, change: 2000 - total });
    expect(plain(within(done).getAllByRole('status')[0]!.textContent)).toBe(`À rendre ${euros(2000 - total)}`);
  });
});

describe('card', () => {
  it('refuses a card payment above what is left to pay', async () => {
    const { total } = await toPayment();
    await payByCard((total / 100 + 1).toFixed(2).replace('.', ','));
    expect(noticeText()).toMatch(/ne peut pas payer plus/);
    expect(till.callsOf('terminal.pay')).toEqual([]);
    expect(paymentFigures()['Reste à payer']).toBe(euros(total));
  });

  it('takes a split tender: part by card, the rest in cash', async () => {
    const { total, saleId } = await toPayment();
    await payByCard('5,00');
    await waitFor(() => expect(paymentFigures()['Reste à payer']).toBe(euros(total - 500)));
    expect(till.callsOf('terminal.pay')).toEqual([{ attemptKey: expect.any(String), amount: 500, currency: 'EUR' }]);
    expect(within(paymentRegion()).getByLabelText('Montant carte')).toHaveProperty('value', plain(euros(total - 500)).replace(/ €$/, ''));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await completed();
    const sale = sealedSales()[0]!;
    expect(sale.saleId).toBe(saleId);
    expect(sale.tenders).toEqual([
      expect.objectContaining({ method: 'card', amount: 500, status: 'approved', authorizationCode: 'A1B2C3' }),
      expect.objectContaining({ method: 'cash', amount: total - 500 }),
    ]);
  });

  it('completes with a card for the whole amount', async () => {
    const { total } = await toPayment();
    await payByCard();
    await completed();
    expect(sealedSales()[0]!.tenders).toEqual([expect.objectContaining({ method: 'card', amount: total, status: 'approved' })]);
  });

  it('does not count a declined card', async () => {
    till.terminal = () => 'declined';
    const { total } = await toPayment();
    await payByCard();
    await waitFor(() => expect(noticeText()).toMatch(/Carte refusée/));
    expect(paymentFigures()['Reste à payer']).toBe(euros(total));
    expect(within(screen.getByRole('list', { name: 'Règlements' })).getByText(/Refusé/)).toBeTruthy();
    expect(till.callsOf('fiscal.seal')).toEqual([]);
    // A declined card can be taken off the list, and the sale paid another way.
    till.terminal = () => 'approved';
    await payByCard();
    await completed();
    expect(sealedSales()[0]!.tenders.map((t) => (t as CardTender).status)).toEqual(['declined', 'approved']);
  });

  it('shows the three choices for an unknown outcome and blocks completion until it is settled', async () => {
    till.terminal = () => 'unknown';
    const { total } = await toPayment();
    await payByCard();
    const tenders = screen.getByRole('list', { name: 'Règlements' });
    const help = await within(tenders).findByRole('alert');
    expect(help.textContent).toMatch(/peut-être été débité/);
    for (const name of ['Interroger le terminal', 'Le ticket terminal indique ACCEPTÉ', 'Le ticket terminal indique REFUSÉ']) {
      expect(within(help).getByRole('button', { name })).toBeTruthy();
    }
    expect(paymentFigures()['Reste à payer']).toBe(euros(total));
    // No second card while the first is unknown (the buttons are off), and nothing is sealed.
    expect((within(paymentRegion()).getByRole('button', { name: 'Payer par carte' }) as HTMLButtonElement).disabled).toBe(true);
    await payByCard();
    expect(till.callsOf('terminal.pay')).toHaveLength(1);
    expect(till.callsOf('fiscal.seal')).toEqual([]);

    // The terminal, asked again, knows it was approved: the sale completes on that card.
    const attemptKey = (till.callsOf('terminal.pay')[0] as { attemptKey: string }).attemptKey;
    till.terminalStatus.set(attemptKey, 'approved');
    await user.click(within(help).getByRole('button', { name: 'Interroger le terminal' }));
    await completed();
    expect(till.callsOf('terminal.status')).toEqual([{ attemptKey }]);
    expect(sealedSales()).toHaveLength(1);
    expect(sealedSales()[0]!.tenders).toEqual([expect.objectContaining({ method: 'card', status: 'approved', attemptKey, amount: total })]);
  });

  it('stays blocked while the terminal still does not know, and completes when a person reads "REFUSÉ" and cash is taken', async () => {
    till.terminal = () => 'unknown';
    const { total } = await toPayment();
    await payByCard();
    const help = await within(screen.getByRole('list', { name: 'Règlements' })).findByRole('alert');
    await user.click(within(help).getByRole('button', { name: 'Interroger le terminal' }));
    await waitFor(() => expect(till.callsOf('terminal.status')).toHaveLength(1));
    expect(within(screen.getByRole('list', { name: 'Règlements' })).getByRole('alert')).toBeTruthy();
    expect(till.callsOf('fiscal.seal')).toEqual([]);

    await user.click(within(help).getByRole('button', { name: 'Le ticket terminal indique REFUSÉ' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Règlements' })).queryByRole('alert')).toBeNull());
    expect(paymentFigures()['Reste à payer']).toBe(euros(total));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await completed();
    const [card, cash] = sealedSales()[0]!.tenders;
    expect(card).toMatchObject({ method: 'card', status: 'declined', resolvedBy: { staffId: 'staff-camille', outcome: 'declined' } });
    expect(cash).toMatchObject({ method: 'cash', amount: total });
  });

  it('completes on the card when the terminal answers late that it approved, without asking anyone', async () => {
    till.terminal = () => 'unknown';
    const { total } = await toPayment();
    await payByCard();
    await within(screen.getByRole('list', { name: 'Règlements' })).findByRole('alert');
    const attemptKey = (till.callsOf('terminal.pay')[0] as { attemptKey: string }).attemptKey;
    linkDevices(till.bridge);
    act(() =>
      till.emit('terminal.alert', { kind: 'late-approval', attemptKey, status: 'approved', amount: total, message: 'approved late' }),
    );
    await completed();
    expect(sealedSales()[0]!.tenders).toEqual([expect.objectContaining({ method: 'card', status: 'approved', attemptKey })]);
    expect(till.callsOf('terminal.pay')).toHaveLength(1);
  });

  it("records a person's reading of the terminal receipt in the host journal", async () => {
    till.terminal = () => 'unknown';
    await toPayment();
    await payByCard();
    const help = await within(screen.getByRole('list', { name: 'Règlements' })).findByRole('alert');
    await user.click(within(help).getByRole('button', { name: 'Le ticket terminal indique REFUSÉ' }));
    const attemptKey = (till.callsOf('terminal.pay')[0] as { attemptKey: string }).attemptKey;
    await waitFor(() => expect(till.callsOf('terminal.reconcile')).toEqual([{ attemptKey, outcome: 'declined' }]));
  });

  it('refuses cash while a card outcome is unknown: the customer may already have paid by card', async () => {
    till.terminal = () => 'unknown';
    const { total } = await toPayment();
    await payByCard();
    const help = await within(screen.getByRole('list', { name: 'Règlements' })).findByRole('alert');
    // Taking the cash now would leave the sale overpaid and stuck ("Reste à payer 0,00 €", never
    // complete) if the terminal then says the card went through: the cash buttons are off, and
    // core refuses it anyway (payment-state.test.ts).
    const exact = within(paymentRegion()).getByRole('button', { name: 'Montant exact' }) as HTMLButtonElement;
    expect(exact.disabled).toBe(true);
    await user.click(exact);
    expect(till.callsOf('fiscal.seal')).toEqual([]);
    expect(useCartStore.getState().tenders.map((t) => t.method)).toEqual(['card']);
    const attemptKey = (till.callsOf('terminal.pay')[0] as { attemptKey: string }).attemptKey;
    till.terminalStatus.set(attemptKey, 'approved');
    await user.click(within(help).getByRole('button', { name: 'Interroger le terminal' }));
    await completed();
    expect(sealedSales()[0]).toMatchObject({ total, change: 0 });
  });
});

describe('sealing', () => {
  it('keeps the sale pending while the host is unavailable, then completes it once, under the same id', async () => {
    let hostUp = false;
    const real = till.sealed;
    till.handle('fiscal.seal', (request: SealRequest) => {
      if (!hostUp) throw new PosError('HOST_UNAVAILABLE', 'The till host is not answering');
      const seq = real.size + 1;
      const record = {
        ...request,
        seq,
        storeId: 'S001',
        tillId: 'T01',
        sealedAt: new Date().toISOString(),
        keyId: 'k',
        prevHash: 'p',
        hash: `h${seq}`,
        signature: 's',
      };
      real.set(request.id, record as never);
      return record;
    });
    const { saleId } = await toPayment();
    till.setConnection('disconnected');
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));

    await waitFor(() => expect(within(paymentRegion()).getByRole('alert').textContent).toMatch(/ne répond pas.*dès son retour/));
    expect(useCartStore.getState().status).toBe('seal-pending');
    expect(within(paymentRegion()).getByRole('button', { name: 'Montant exact' })).toHaveProperty('disabled', true);
    // The pending sale is kept with the open cart, so a reload finds it.
    await waitFor(async () => expect((await till.db.docs.carts.findOne(saleId).exec())?.toJSON().sale?.saleId).toBe(saleId));
    expect(await till.db.docs.sales.count().exec()).toBe(0);
    expect(till.callsOf('receipt.print')).toEqual([]);

    hostUp = true;
    act(() => till.setConnection('connected'));
    await user.click(within(await completed()).getByRole('button', { name: 'Ticket papier' }));
    const attempts = till.callsOf('fiscal.seal') as SealRequest[];
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((a) => a.id))).toEqual(new Set([saleId]));
    expect(new Set(attempts.map((a) => JSON.stringify(a.payload))).size).toBe(1);
    expect(await till.db.docs.sales.count().exec()).toBe(1);
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId }]));
  });

  it('returns to paying with an alert when the host refuses the sale', async () => {
    till.handle('fiscal.seal', () => {
      throw new PosError('INVALID_REQUEST', 'Sale refused: total 1 differs from the lines (2)');
    });
    const { saleId } = await toPayment();
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    // Said in French by its code; the host's English only under "Détails pour le support".
    await waitFor(() =>
      expect(noticeText()).toMatch(
        /^Vente refusée par le poste de caisse :Demande refusée par le poste de caisse\.Détails pour le support/,
      ),
    );
    expect(noticeText()).toMatch(/Détails pour le support.*Sale refused: total 1 differs/);
    expect(useCartStore.getState()).toMatchObject({ status: 'paying', pendingSale: null });
    expect(useCartStore.getState().cart.id).toBe(saleId);
    expect(useAppStore.getState().panel).toBe('payment');
    expect(paymentRegion()).toBeTruthy();
    expect(await till.db.docs.sales.count().exec()).toBe(0);
    expect(till.callsOf('receipt.print')).toEqual([]);
  });

  it('shows a print failure without undoing the sale', async () => {
    till.handle('receipt.print', () => ({ status: 'failed', reason: 'unreachable', message: 'Nothing answers at 127.0.0.1:9100' }));
    const { saleId } = await toPayment();
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    const done = await completed();
    await user.click(within(done).getByRole('button', { name: 'Ticket papier' }));
    await waitFor(() => expect(within(done).getByText(/Ticket non imprimé : l’imprimante est injoignable/)).toBeTruthy());
    expect(await till.db.docs.sales.findOne(saleId).exec()).not.toBeNull();
    expect(within(done).getByRole('button', { name: 'Réimprimer (duplicata)' })).toBeTruthy();
  });
});
