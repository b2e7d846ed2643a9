// Before any module that opens Dexie: they must find IndexedDB.
import 'fake-indexeddb/auto';
import {
  addProduct,
  buildSale,
  cartTotals,
  demoProduct,
  emptyCart,
  PosError,
  type TrainingState,
  type CardTender,
  type SalePayload,
  type SalePayloadV1,
  type SealedRecord,
  type SealRequest,
} from '@pos/core';
import { cashSale, demoSaleContext } from '@pos/core/test-support/sample-sale';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { euros, plain } from '../../test-support/screen-queries';
import { pressKeys, spaced } from '../../test-support/timed-keys';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { replaceProfile } from '../../state/services';
import { useCashStore } from '../cash/cash-store';
import { useTrainingStore } from '../training/training-store';
import { EMPTY_RETURN, useReturnStore } from './return-store';

const oignons = demoProduct(100);
const other = demoProduct(205);

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  useReturnStore.setState(EMPTY_RETURN);
  till = await startTill();
  user = userEvent.setup();
});
afterEach(async () => {
  useReturnStore.setState(EMPTY_RETURN);
  await stopTill();
});

/** A sale this till sealed: demo products by index, in cash unless a card tender is given. */
function sealSale(id: string, products: readonly number[] = [100, 205]): SealedRecord<'sale'> {
  return till.seal({ chain: 'sale', id, payload: cashSale({ saleId: id, products }) }) as SealedRecord<'sale'>;
}

function sealedReturns(): SalePayloadV1[] {
  return (till.callsOf('fiscal.seal') as SealRequest[])
    .filter((r) => r.chain === 'sale' && (r.payload as SalePayloadV1).kind === 'return')
    .map((r) => r.payload as SalePayloadV1);
}

const panel = () => screen.findByRole('dialog', { name: 'Retour d’articles' });

async function openWithCode(code: string): Promise<HTMLElement> {
  await user.keyboard('{F10}');
  const dialog = await panel();
  await user.type(within(dialog).getByLabelText(/^Ticket de la vente/), `${code}{Enter}`);
  return dialog;
}

/** The sentence the panel says (its first paragraph; the host's words for support are folded below it). */
const refusal = async (dialog: HTMLElement) => plain((await within(dialog).findByRole('alert')).querySelector('p')?.textContent);
const alertText = async (dialog: HTMLElement) => plain((await within(dialog).findByRole('alert')).textContent);

describe('a return with the receipt', () => {
  it('scans the receipt, returns one line of two, refunds cash: a sealed return of that line, the drawer opens, the credit note prints', async () => {
    const original = sealSale('sold-1');
    renderTill();
    await user.keyboard('{F10}');
    const dialog = await panel();
    // The receipt's QR code read by the host's scanner while the panel is open goes to the panel.
    act(() => till.emit('scanner.scan', { code: 'S001-T01-000001', source: 'serial' }));
    expect(await within(dialog).findByText(/Ticket n° S001-T01-000001 du/)).toBeTruthy();
    expect(screen.queryByText(/lu pendant une fenêtre ouverte/)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: `Un de plus pour ${oignons.name}` }));
    const price = original.payload.lines[0]!.unitPrice;
    expect(plain(within(dialog).getByText('À rembourser').nextElementSibling?.textContent)).toBe(euros(price));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en espèces' }));

    expect(await within(dialog).findByText('Retour enregistré : avoir n° S001-T01-000002.')).toBeTruthy();
    expect(within(dialog).getByText(`Rendez ${euros(price)} en espèces au client.`.replace(/ /g, ' '), { normalizer: plain })).toBeTruthy();
    const [back] = sealedReturns();
    expect(back).toMatchObject({
      v: 1,
      kind: 'return',
      returnOf: { saleId: 'sold-1', receipt: 'S001-T01-000001', lines: [{ lineId: 'l0', quantity: 1 }] },
      total: price,
      staffId: 'staff-camille',
    });
    expect(back!.lines.map((l) => [l.lineId, l.productId, l.quantity])).toEqual([['l0', oignons.id, 1]]);
    expect(back!.tenders).toEqual([expect.objectContaining({ method: 'cash', amount: price })]);
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId: back!.saleId }]));
    expect(till.callsOf('drawer.openForSale')).toEqual([{ saleId: back!.saleId }]);
    expect(await till.db.docs.sales.findOne(back!.saleId).exec()).not.toBeNull();
    expect(await within(dialog).findByText('Avoir imprimé.')).toBeTruthy();
  });

  it.each(['ask', 'never'] as const)('prints the credit note when the store gives paper only on request (%s)', async (paper) => {
    replaceProfile({ ...till.profile, receipt: { paper } });
    sealSale('sold-1');
    renderTill();
    const dialog = await openWithCode('S001-T01-000001');
    await user.click(await within(dialog).findByRole('button', { name: `Un de plus pour ${oignons.name}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en espèces' }));
    expect(await within(dialog).findByText('Retour enregistré : avoir n° S001-T01-000002.')).toBeTruthy();
    const [back] = sealedReturns();
    // Nobody asked for paper: the credit note prints all the same, the customer's proof of the refund.
    await waitFor(() => expect(till.callsOf('receipt.print')).toEqual([{ saleId: back!.saleId }]));
    expect(await within(dialog).findByText('Avoir imprimé.')).toBeTruthy();
  });

  it('takes a receipt read by a keyboard-wedge scanner while a button of the panel has the focus', async () => {
    sealSale('sold-wedge');
    renderTill();
    const dialog = await openWithCode('S001-T01-000009');
    await within(dialog).findByRole('alert');
    within(dialog).getByRole('button', { name: 'Fermer' }).focus();
    await pressKeys([...spaced('S001-T01-000001', 5), ['Enter', 80]]);
    expect(await within(dialog).findByText(/Ticket n° S001-T01-000001 du/)).toBeTruthy();
    expect(screen.queryByText(/lu pendant une fenêtre ouverte/)).toBeNull();
  });

  it('refuses a second return of a line beyond what is left, saying why in French', async () => {
    const original = sealSale('sold-2', [100, 100, 100, 205]);
    till.seal({
      chain: 'sale',
      id: 'back-earlier',
      payload: cashSale({
        saleId: 'back-earlier',
        products: [100, 100],
        returnOf: { saleId: original.id, receipt: 'S001-T01-000001', lines: [{ lineId: 'l0', quantity: 2 }] },
      }),
    });
    renderTill();
    const dialog = await openWithCode('S001-T01-000001');
    const row = (await within(dialog).findByRole('rowheader', { name: oignons.name })).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => plain(c.textContent))[2],
    ).toBe('1');

    // Typed on the keypad: two where one is left.
    await user.click(within(dialog).getByRole('button', { name: `0 : saisir la quantité retournée de ${oignons.name}` }));
    const keypad = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    await user.clear(within(keypad).getByLabelText('Quantité'));
    await user.type(within(keypad).getByLabelText('Quantité'), '2');
    await user.click(within(keypad).getByRole('button', { name: 'Valider' }));
    expect(await refusal(dialog)).toBe(`${oignons.name} : 1 au plus peut encore être retourné (3 vendu(s), 2 déjà retourné(s)).`);

    // The one left comes back; then nothing is left of that line.
    await user.click(within(dialog).getByRole('button', { name: `Un de plus pour ${oignons.name}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en espèces' }));
    await within(dialog).findByText(/Retour enregistré/);
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    const again = await openWithCode('S001-T01-000001');
    await user.click(await within(again).findByRole('button', { name: `Un de plus pour ${oignons.name}` }));
    expect(await refusal(again)).toBe(`${oignons.name} : plus rien à retourner (3 vendu(s), 3 déjà retourné(s)).`);
    expect(within(again).getByRole('button', { name: 'Rembourser en espèces' })).toHaveProperty('disabled', true);
    expect(sealedReturns()).toHaveLength(1);
  });

  it('says in French why the host refused to seal the return, and seals the same return again on retry', async () => {
    sealSale('sold-3');
    let refuse = true;
    till.handle('fiscal.seal', (request: SealRequest) => {
      if (refuse && (request.payload as SalePayloadV1).kind === 'return')
        throw new PosError('SEAL_REFUSED', 'Refused: line 1: 1 back where 1 were sold and 1 already returned', {
          problems: [{ code: 'return', message: 'line 1: 1 back where 1 were sold and 1 already returned' }],
        });
      return till.seal(request);
    });
    renderTill();
    const dialog = await openWithCode('S001-T01-000001');
    await user.click(await within(dialog).findByRole('button', { name: `Un de plus pour ${other.name}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en espèces' }));
    const said = await alertText(dialog);
    expect(said).toContain('Le poste de caisse a refusé d’enregistrer ce retour :');
    expect(said).toContain('Le retour ne correspond pas à la vente d’origine');
    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer à nouveau' }));
    await within(dialog).findByText(/Retour enregistré/);
    const ids = (till.callsOf('fiscal.seal') as SealRequest[]).map((r) => r.id);
    expect(new Set(ids).size).toBe(1);
  });

  it('says when a receipt is another till’s, or no receipt at all', async () => {
    renderTill();
    const dialog = await openWithCode('S001-T02-000007');
    expect(await refusal(dialog)).toBe(
      'Ce ticket est celui de la caisse T02 du magasin S001 : hors ligne, une caisse ne retrouve que ses propres ventes. Faites le retour sur la caisse T02.',
    );
    const field = within(dialog).getByLabelText(/^Ticket de la vente/);
    await user.clear(field);
    await user.type(field, 'S001-T01-000009{Enter}');
    expect(await refusal(dialog)).toBe('Cette vente n’a pas été enregistrée sur cette caisse.');
  });

  it('refunds to the card with a manager’s approval, through the terminal, and seals the refund as the tender', async () => {
    let cart = emptyCart('card-sale', 'EUR', '2026-11-22T09:00:00.000Z');
    cart = addProduct(cart, oignons, { lineId: 'l0' });
    cart = addProduct(cart, other, { lineId: 'l1' });
    const total = cartTotals(cart, till.profile.vatRates).total;
    const paid: CardTender = { id: 'c', method: 'card', amount: total, status: 'approved', attemptKey: 'pay-1' };
    till.seal({ chain: 'sale', id: 'card-sale', payload: buildSale(cart, [paid], demoSaleContext()) as SalePayload });
    renderTill();
    const dialog = await openWithCode('S001-T01-000001');
    await user.click(await within(dialog).findByRole('button', { name: `Un de plus pour ${other.name}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser sur la carte' }));
    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    await user.type(within(manager).getByLabelText('Code du responsable'), '5678');
    await user.click(within(manager).getByRole('button', { name: 'Valider' }));
    await within(dialog).findByText(/Retour enregistré/);
    const [refund] = till.callsOf('terminal.refund') as { saleId: string; amount: number; approvalId: string; attemptKey: string }[];
    const amount = other.price;
    expect(refund).toMatchObject({ saleId: 'card-sale', amount, currency: 'EUR', approvalId: till.approvals[0]!.approvalId });
    expect(till.approvals[0]).toMatchObject({
      action: 'sale.refund',
      approvedBy: 'staff-sophie',
      subject: { saleId: 'card-sale', amount },
    });
    const [back] = sealedReturns();
    expect(back!.tenders).toEqual([
      expect.objectContaining({ method: 'card', status: 'approved', amount, attemptKey: refund!.attemptKey }),
    ]);
    expect(till.callsOf('drawer.openForSale')).toEqual([]);
  });
});

describe('a return in the till’s day', () => {
  it('carries the open cash session, and is not offered in training mode', async () => {
    sealSale('sold-session');
    till.cash.openWith({ '5000': 3 });
    renderTill();
    await waitFor(() => expect(useCashStore.getState().view?.state).toBe('open'));
    const sessionId = (useCashStore.getState().view as { sessionId: string }).sessionId;
    const dialog = await openWithCode('S001-T01-000001');
    await user.click(await within(dialog).findByRole('button', { name: `Un de plus pour ${other.name}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en espèces' }));
    await within(dialog).findByText(/Retour enregistré/);
    expect(sealedReturns()[0]).toMatchObject({ kind: 'return', sessionId });
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));

    useTrainingStore.setState({ state: { on: true } as TrainingState });
    await user.keyboard('{F10}');
    expect(await screen.findByText('Pas de retour en mode école : quittez d’abord le mode école.')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Retour d’articles' })).toBeNull();
    useTrainingStore.setState({ state: { on: false } });
  });
});

describe('a return without the receipt', () => {
  it('asks a manager, takes the goods from the catalog, refunds them in cash and seals the approval with the return', async () => {
    renderTill();
    await user.keyboard('{F10}');
    const dialog = await panel();
    await user.click(within(dialog).getByRole('button', { name: 'Sans ticket' }));
    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    expect(plain(manager.textContent)).toContain('un retour sans ticket');
    await user.type(within(manager).getByLabelText('Code du responsable'), '5678');
    await user.click(within(manager).getByRole('button', { name: 'Valider' }));

    expect(await within(dialog).findByText(/Retour sans ticket accordé par Sophie/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Article rapporté/), oignons.words[0]!);
    await user.click(await within(dialog).findByRole('button', { name: new RegExp(`^Ajouter ${oignons.name}`) }));
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en espèces' }));
    await within(dialog).findByText(/Retour enregistré/);

    const [back] = sealedReturns();
    expect(back).toMatchObject({ kind: 'return', total: oignons.price, returnApproval: { approvedBy: 'staff-sophie' } });
    expect(back).not.toHaveProperty('returnOf');
    expect(back!.lines.map((l) => [l.productId, l.quantity])).toEqual([[oignons.id, 1]]);
    expect(back!.tenders).toEqual([expect.objectContaining({ method: 'cash', amount: oignons.price })]);
    expect(till.approvals).toEqual([expect.objectContaining({ action: 'sale.refund', pin: '5678', subject: { saleId: back!.saleId } })]);
    expect(back!.returnApproval!.approvalId).toBe(till.approvals[0]!.approvalId);
    expect(await till.db.docs.sales.findOne(back!.saleId).exec()).not.toBeNull();
  });
});
