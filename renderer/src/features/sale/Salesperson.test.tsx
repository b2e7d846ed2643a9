// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { demoProduct, type SalePayload, type SealRequest } from '@pos/core';
import { act, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { paymentRegion } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from './sell';

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

async function chooseSalesperson(lineName: string, person: string): Promise<void> {
  await user.click(screen.getByRole('button', { name: `Choisir le vendeur de ${lineName}` }));
  const dialog = await screen.findByRole('dialog', { name: `Vendeur de « ${lineName} »` });
  await user.click(within(dialog).getByRole('radio', { name: person }));
  await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
}

describe('a salesperson per line', () => {
  it('credits the selected line to a salesperson, shows it, and seals it in the sale of version 1', async () => {
    renderTill();
    await act(() => sellCode(oignons.barcodes[0]!));
    await act(() => sellCode(other.barcodes[0]!));
    // The selected line (the last scanned) offers the choice.
    expect(screen.queryByRole('button', { name: `Choisir le vendeur de ${oignons.name}` })).toBeNull();
    await chooseSalesperson(other.name, 'Sophie');
    expect(screen.getByText('Vendeur : Sophie')).toBeTruthy();
    expect(useCartStore.getState().cart.lines.map((l) => l.salespersonId)).toEqual([undefined, 'staff-sophie']);
    // Nobody again: the cashier.
    await chooseSalesperson(other.name, 'Personne (le caissier)');
    expect(screen.queryByText('Vendeur : Sophie')).toBeNull();
    await chooseSalesperson(other.name, 'Camille');

    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const [sale] = (till.callsOf('fiscal.seal') as SealRequest[]).map((r) => r.payload as SalePayload);
    expect(sale).toMatchObject({ v: 1, kind: 'sale', channel: 'store', businessDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(sale!.lines.map((l) => ('salespersonId' in l ? l.salespersonId : undefined))).toEqual([undefined, 'staff-camille']);
  });
});
