// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import {
  cartTotals,
  demoProduct,
  maskCardCode,
  newCardCode,
  PosError,
  type SalePayload,
  type SealRequest,
  type StoredValueCardView,
  type StoredValueReservation,
} from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { euros, noticeText, paymentFigures, paymentRegion, plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const CODE = newCardCode(new Uint8Array(12).fill(3));
const MASKED = maskCardCode(CODE);

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
});
afterEach(async () => {
  await stopTill();
});

/** A name as the screen says it, whatever spaces money is written with. */
const named = (text: string) => (name: string) => plain(name) === text;

const card = (available: number): StoredValueCardView => ({
  cardId: 'card_0123456789abcdef0123456789abcdef',
  maskedCode: MASKED,
  kind: 'gift_card',
  currency: 'EUR',
  status: 'active',
  available,
});

/** The host's side: a card holding `available`, reservations answered as the hub does. */
function cardHost(available: number): void {
  till.handle('ledger.lookupCard', () => card(available));
  till.handle('ledger.reserveCard', ({ amount }: { amount: number }): StoredValueReservation => ({
    method: 'gift_card',
    cardId: card(available).cardId,
    reservationId: 'rsv-1',
    maskedCode: MASKED,
    amount,
    balanceAfter: available - amount,
  }));
  till.handle('ledger.release', () => ({ released: true }));
}

async function toPayment(): Promise<number> {
  renderTill();
  for (const p of [demoProduct(100), demoProduct(205), demoProduct(205)]) await act(() => sellCode(p.barcodes[0]!));
  const total = cartTotals(useCartStore.getState().cart, till.profile.vatRates).total;
  await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
  return total;
}

async function checkCard(code = CODE): Promise<HTMLElement> {
  await user.click(within(paymentRegion()).getByRole('button', { name: 'Carte cadeau / Avoir' }));
  const form = within(paymentRegion()).getByRole('form', { name: 'Carte cadeau / Avoir' });
  await user.type(within(form).getByLabelText('Code de la carte (scanner ou saisir)'), code);
  await user.click(within(form).getByRole('button', { name: 'Vérifier le solde' }));
  return form;
}

function sealedSales(): SalePayload[] {
  return (till.callsOf('fiscal.seal') as SealRequest[]).filter((r) => r.chain === 'sale').map((r) => r.payload as SalePayload);
}

describe('paying with a gift card or store credit', () => {
  it('shows the balance, pays what the card holds, then cash pays the rest: one sale with both tenders', async () => {
    cardHost(500);
    const total = await toPayment();
    const form = await checkCard();
    expect(plain((await within(form).findByRole('status')).textContent)).toBe(plain(`Carte cadeau ${MASKED} : ${euros(500)} disponibles`));
    await user.click(await within(form).findByRole('button', { name: named(`Payer ${euros(500)}`) }));
    await waitFor(() => expect(paymentFigures()['Reste à payer']).toBe(euros(total - 500)));
    expect(till.callsOf('ledger.reserveCard')).toEqual([{ saleId: useCartStore.getState().cart.id, code: CODE, amount: 500 }]);
    expect(plain(within(paymentRegion()).getByRole('list', { name: 'Règlements' }).textContent)).toContain(`Carte cadeau ${MASKED}`);
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const [sale] = sealedSales();
    expect(sale!.tenders).toEqual([
      expect.objectContaining({ method: 'gift_card', amount: 500, reservationId: 'rsv-1', maskedCode: MASKED, balanceAfter: 0 }),
      expect.objectContaining({ method: 'cash', amount: total - 500 }),
    ]);
    // The code itself is never in what the host seals.
    expect(JSON.stringify(sale)).not.toContain(CODE);
  });

  it('a card holding more than is due pays the whole sale, which completes', async () => {
    cardHost(100_000);
    const total = await toPayment();
    const form = await checkCard();
    await user.click(await within(form).findByRole('button', { name: named(`Payer ${euros(total)}`) }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    expect(sealedSales()[0]!.tenders).toEqual([
      expect.objectContaining({ method: 'gift_card', amount: total, balanceAfter: 100_000 - total }),
    ]);
  });

  it('says in French why a card cannot pay: offline, a typo, not enough left', async () => {
    till.handle('ledger.lookupCard', () => {
      throw new PosError('HUB_UNREACHABLE', 'no route');
    });
    await toPayment();
    await checkCard();
    await waitFor(() => expect(noticeText()).toContain('Hors ligne, les cartes cadeaux et avoirs ne sont pas utilisables'));
    till.handle('ledger.lookupCard', () => {
      throw new PosError('INVALID_REQUEST', 'typo', { hubCode: 'card_code_check' });
    });
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Vérifier le solde' }));
    await waitFor(() => expect(noticeText()).toContain('Ce code contient une faute de frappe'));
    till.handle('ledger.lookupCard', () => card(800));
    till.handle('ledger.reserveCard', () => {
      throw new PosError('HUB_REFUSED', 'short', { status: 409, hubCode: 'insufficient_balance', values: { available: 300 } });
    });
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Vérifier le solde' }));
    await user.click(await within(paymentRegion()).findByRole('button', { name: named(`Payer ${euros(800)}`) }));
    await waitFor(() => expect(noticeText()).toContain(`La carte ne contient que ${euros(300)}`));
    expect(sealedSales()).toEqual([]);
  });

  it('removing the tender gives its reservation back to the card', async () => {
    cardHost(500);
    await toPayment();
    const form = await checkCard();
    await user.click(await within(form).findByRole('button', { name: named(`Payer ${euros(500)}`) }));
    const list = await within(paymentRegion()).findByRole('list', { name: 'Règlements' });
    await user.click(within(list).getByRole('button', { name: 'Retirer ce règlement' }));
    await waitFor(() => expect(till.callsOf('ledger.release')).toEqual([{ reservationId: 'rsv-1' }]));
    expect(useCartStore.getState().tenders).toEqual([]);
  });
});
