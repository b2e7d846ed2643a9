// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { demoProduct, PosError, type SalePayloadV1, type SealRequest } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { act, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cartActions, useCartStore } from '../../state/cart-store';
import { cartSummary, euros, paymentRegion } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';
import { answer } from '../../state/dialog-store';
import { chooseCustomer } from '../customers/customer-actions';

const program = testLoyaltyProgram();
let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
  till.handle('loyalty.program', () => ({ program }));
});
afterEach(async () => {
  await stopTill();
});

const points = (available: number) => ({ customerId: 'cus-1', programId: 'club', available, reserved: 0, debt: 0, pendingExpiry: 0 });

async function memberCart(): Promise<number> {
  renderTill();
  await act(() => sellCode(demoProduct(100).barcodes[0]!));
  await act(() => sellCode(demoProduct(205).barcodes[0]!));
  act(() => cartActions.setCustomer({ id: 'cus-1', label: 'Alice M.' }));
  return demoProduct(100).price + demoProduct(205).price;
}

const openDialog = async () => {
  await user.click(screen.getByRole('button', { name: /^Utiliser des points/ }));
  return screen.findByRole('dialog', { name: 'Utiliser des points' });
};

describe('Utiliser des points (in French)', () => {
  it('lists what the member can afford, reserves the chosen reward, shows it in the cart and seals it', async () => {
    const asked: unknown[] = [];
    till.handle('ledger.memberPoints', () => points(800));
    till.handle('ledger.reservePoints', (request: unknown) => {
      asked.push(request);
      return { reservationId: 'rsv-1', programId: 'club', programVersion: 3, rewardId: 'r5', points: 500, balanceAfter: 300 };
    });
    const total = await memberCart();
    const dialog = await openDialog();
    expect(await within(dialog).findByText('800 points disponibles')).toBeTruthy();
    // The free coffee is not a discount of the sale: only the 5 € off is offered.
    expect(within(dialog).queryByRole('button', { name: /Free coffee/ })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: '5 € off — 500 points' }));
    expect(await screen.findByText('Récompense 5 € off appliquée : 500 points réservés.')).toBeTruthy();
    expect(asked).toEqual([{ saleId: useCartStore.getState().cart.id, customerId: 'cus-1', rewardId: 'r5' }]);
    expect(cartSummary()['Total TTC']).toBe(euros(total - 500));
    expect(cartSummary()['Récompense fidélité (500 points)']).toBe(euros(-500));

    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const sale = (till.callsOf('fiscal.seal') as SealRequest[]).filter((r) => r.chain === 'sale').at(-1)!.payload as SalePayloadV1;
    expect(sale.discounts.at(-1)).toMatchObject({ source: 'loyalty', amount: 500, reservationId: 'rsv-1', points: 500, rewardId: 'r5' });
    expect(sale.total).toBe(total - 500);
  });

  it('removing the reward gives its points back and the cart its price', async () => {
    till.handle('ledger.memberPoints', () => points(800));
    till.handle('ledger.reservePoints', () => ({
      reservationId: 'rsv-2',
      programId: 'club',
      programVersion: 3,
      rewardId: 'r5',
      points: 500,
      balanceAfter: 300,
    }));
    const released: unknown[] = [];
    till.handle('ledger.release', (request: unknown) => {
      released.push(request);
      return { released: true };
    });
    const total = await memberCart();
    await user.click(within(await openDialog()).getByRole('button', { name: '5 € off — 500 points' }));
    await screen.findByText('Récompense 5 € off appliquée : 500 points réservés.');
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer la récompense' }));
    expect(await screen.findByText('Récompense retirée : les points sont rendus au client.')).toBeTruthy();
    expect(released).toEqual([{ reservationId: 'rsv-2' }]);
    expect(useCartStore.getState().cart.reward).toBeUndefined();
    expect(cartSummary()['Total TTC']).toBe(euros(total));
  });

  it('another member attached: the reward’s points go back first', async () => {
    till.handle('ledger.memberPoints', () => points(800));
    till.handle('ledger.reservePoints', () => ({
      reservationId: 'rsv-3',
      programId: 'club',
      programVersion: 3,
      rewardId: 'r5',
      points: 500,
      balanceAfter: 300,
    }));
    till.handle('ledger.release', () => ({ released: true }));
    await memberCart();
    await user.click(within(await openDialog()).getByRole('button', { name: '5 € off — 500 points' }));
    await screen.findByText('Récompense 5 € off appliquée : 500 points réservés.');
    const asked = chooseCustomer();
    await act(async () => answer({ kind: 'customer', customer: null }));
    await act(() => asked);
    expect(till.callsOf('ledger.release')).toEqual([{ reservationId: 'rsv-3' }]);
    expect(useCartStore.getState().cart.reward).toBeUndefined();
    expect(useCartStore.getState().cart.customer).toBeUndefined();
  });

  it('offline: refused in words, nothing reserved', async () => {
    till.handle('ledger.memberPoints', () => {
      throw new PosError('HUB_UNREACHABLE', 'The hub cannot be reached');
    });
    await memberCart();
    const dialog = await openDialog();
    expect(
      await within(dialog).findByText(
        'Hors ligne : les points ne peuvent être utilisés qu’avec le siège. Réessayez quand le réseau sera revenu.',
      ),
    ).toBeTruthy();
    expect(till.callsOf('ledger.reservePoints')).toEqual([]);
  });

  it('not enough points: the hub’s figure in words', async () => {
    till.handle('ledger.memberPoints', () => points(600));
    till.handle('ledger.reservePoints', () => {
      throw new PosError('HUB_REFUSED', 'short', { hubCode: 'insufficient_points', values: { available: 120 } });
    });
    await memberCart();
    await user.click(within(await openDialog()).getByRole('button', { name: '5 € off — 500 points' }));
    expect(await screen.findByText('Points insuffisants : 120 disponibles.')).toBeTruthy();
    expect(useCartStore.getState().cart.reward).toBeUndefined();
  });
});
