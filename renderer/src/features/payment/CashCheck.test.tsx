// Before any module that opens Dexie: they must find IndexedDB.
import 'fake-indexeddb/auto';
import { cartTotals, demoProduct, type SalePayload, type SealRequest } from '@pos/core';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { euros, paymentRegion, plain } from '../../test-support/screen-queries';
import { renderTill } from '../../test-support/till-harness';
import { tillPerTest } from '../../test-support/till-per-test';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);

const session = tillPerTest();

async function toPayment(): Promise<number> {
  renderTill();
  await act(() => sellCode(oignons.barcodes[0]!));
  await session.user.click(screen.getByRole('button', { name: /^Encaisser/ }));
  return cartTotals(useCartStore.getState().cart, session.till.profile.vatRates).total;
}

function sealedSales(): SalePayload[] {
  return (session.till.callsOf('fiscal.seal') as SealRequest[]).filter((r) => r.chain === 'sale').map((r) => r.payload as SalePayload);
}

async function typeCash(text: string): Promise<void> {
  await session.user.type(within(paymentRegion()).getByLabelText('Montant reçu'), text);
  await session.user.click(within(paymentRegion()).getByRole('button', { name: 'Valider les espèces' }));
}

describe('an amount received no customer hands over', () => {
  it('10 000 € on a small sale asks first; corrected, nothing is taken', async () => {
    const total = await toPayment();
    expect(total).toBeLessThan(2000);
    await typeCash('10000');
    const dialog = await screen.findByRole('dialog', { name: 'Montant reçu inhabituel' });
    expect(plain(dialog.textContent)).toContain(
      `Reçu ${euros(1_000_000)} pour ${euros(total)} : il faudrait rendre ${euros(1_000_000 - total)}`,
    );
    // Correcting comes first: Enter on the dialog corrects, it never gives the change away.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Corriger le montant' }));
    await session.user.click(within(dialog).getByRole('button', { name: 'Corriger le montant' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useCartStore.getState().tenders).toEqual([]);
    expect(session.till.callsOf('fiscal.seal')).toEqual([]);
  });

  it('Escape closes the question without taking the cash', async () => {
    await toPayment();
    await typeCash('10000');
    await screen.findByRole('dialog', { name: 'Montant reçu inhabituel' });
    await session.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useCartStore.getState().tenders).toEqual([]);
  });

  it('confirmed, the sale is sealed with that change', async () => {
    const total = await toPayment();
    await typeCash('10000');
    const dialog = await screen.findByRole('dialog', { name: 'Montant reçu inhabituel' });
    const confirm = `Montant juste : rendre ${euros(1_000_000 - total)}`;
    await session.user.click(within(dialog).getByRole('button', { name: (name) => plain(name) === confirm }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    expect(sealedSales()[0]).toMatchObject({ total, change: 1_000_000 - total });
  });

  it('a note above the total is taken at once', async () => {
    const total = await toPayment();
    await typeCash('50');
    await screen.findByRole('region', { name: 'Vente terminée' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sealedSales()[0]).toMatchObject({ change: 5000 - total });
  });
});

describe('the payment screen by touch', () => {
  it('the keypad fills the amount received, and the change shows as it is typed', async () => {
    const total = await toPayment();
    const keypad = within(paymentRegion()).getByRole('group', { name: 'Pavé numérique des espèces' });
    await session.user.click(within(keypad).getByRole('button', { name: '2' }));
    await session.user.click(within(keypad).getByRole('button', { name: '0' }));
    expect(within(paymentRegion()).getByLabelText('Montant reçu')).toHaveProperty('value', '20');
    expect(plain(within(paymentRegion()).getByText('À rendre').nextElementSibling?.textContent)).toBe(euros(2000 - total));
    await session.user.click(within(paymentRegion()).getByRole('button', { name: 'Valider les espèces' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    expect(sealedSales()[0]).toMatchObject({ change: 2000 - total });
  });

  it('offers the exact amount and the notes above the total', async () => {
    const total = await toPayment();
    const quick = paymentRegion().querySelector('.quick-cash') as HTMLElement;
    const offered = within(quick)
      .getAllByRole('button')
      .map((b) => plain(b.textContent));
    const notes = [500, 1000, 2000, 5000, 10000, 20000].filter((n) => n > total).slice(0, 4);
    expect(offered).toEqual(['Montant exact', ...notes.map(euros)]);
  });
});
