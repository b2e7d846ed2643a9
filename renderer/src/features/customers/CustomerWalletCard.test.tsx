// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { PosError } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { renderTill } from '../../test-support/till-harness';
import { tillPerTest } from '../../test-support/till-per-test';

const session = tillPerTest();

const openDialog = async () => {
  await session.user.click(screen.getByRole('button', { name: /^Client/ }));
  return screen.findByRole('dialog', { name: 'Client de la vente' });
};

describe('the member’s card on their phone', () => {
  it('shows the hub’s signed card page as a QR code for the member to scan', async () => {
    const { till, user } = session;
    const url = 'https://hub.example.com/wallet/cust-1?t=1799999999.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
    const asked: unknown[] = [];
    till.handle('customers.walletCard', (request: { customerId: string }) => {
      asked.push(request);
      return { url };
    });
    renderTill();
    act(() => useCartStore.setState((s) => ({ cart: { ...s.cart, customer: { id: 'cust-1', label: 'Durand Marie' } } })));
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Carte sur téléphone' }));
    const card = await within(dialog).findByRole('region', { name: 'Carte de Durand Marie sur son téléphone' });
    await waitFor(() => expect(within(card).getByRole('img', { name: 'Code QR de la carte de fidélité' })).toBeTruthy());
    expect(within(card).getByText(/Le client scanne ce code/)).toBeTruthy();
    // The member's id only (an effect may ask twice while the dialog settles).
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) expect(request).toEqual({ customerId: 'cust-1' });
  });

  it('offline, says the card on the phone needs head office, in words', async () => {
    const { till, user } = session;
    till.handle('customers.walletCard', () => {
      throw new PosError('HUB_UNREACHABLE', 'offline');
    });
    renderTill();
    act(() => useCartStore.setState((s) => ({ cart: { ...s.cart, customer: { id: 'cust-1', label: 'Durand Marie' } } })));
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Carte sur téléphone' }));
    expect(await within(dialog).findByText(/Hors ligne : la carte sur téléphone demande le siège/)).toBeTruthy();
  });
});
