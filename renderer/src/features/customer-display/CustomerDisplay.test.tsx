import { addProduct, demoProduct, demoStoreProfile, type CustomerDisplayState } from '@pos/core';
import { cashSale, unsignedSaleRecord } from '@pos/core/test-support/sample-sale';
import { act, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { feedCustomerDisplay } from '../../app/customer-display-feed';
import { createI18n } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { newCart, useCartStore } from '../../state/cart-store';
import { startTill, stopTill } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';
import { CustomerDisplay } from './CustomerDisplay';
import { CUSTOMER_LINES, customerDisplayState } from './display-state';

const profile = demoStoreProfile('S001', 'T01');
const paidSale = unsignedSaleRecord({ ...cashSale({ saleId: 's1' }), change: 750 }, 1);

function show(state: Parameters<typeof CustomerDisplay>[0]['state']) {
  return render(
    <I18nextProvider i18n={createI18n('fr')}>
      <CustomerDisplay state={state} storeName="Épicerie du Marché" />
    </I18nextProvider>,
  );
}

describe('what the customer sees', () => {
  it('follows the cart: its newest lines with their amounts, and the total', () => {
    let cart = newCart('EUR');
    for (let i = 0; i < CUSTOMER_LINES + 2; i++) cart = addProduct(cart, demoProduct(i * 7 + 1), { lineId: `l${i}` });
    const state = customerDisplayState({ cart, lastSale: null, donePanel: false }, profile.vatRates);
    expect(state.phase).toBe('sale');
    expect(state.lines).toHaveLength(CUSTOMER_LINES);
    expect(state.lines.at(-1)!.name).toBe(demoProduct((CUSTOMER_LINES + 1) * 7 + 1).name);
    show(state);
    expect(screen.getAllByRole('row')).toHaveLength(CUSTOMER_LINES);
    expect(screen.getByRole('status').textContent).toMatch(/Total/);
  });

  it('shows the change after a cash sale, then a welcome with the loyalty QR code', async () => {
    const paid = customerDisplayState(
      { cart: newCart('EUR'), lastSale: { record: paidSale, print: 'printing' }, donePanel: true },
      profile.vatRates,
    );
    expect(paid).toMatchObject({ phase: 'paid', change: 750 });
    const { unmount } = show(paid);
    expect(screen.getByRole('status').textContent).toMatch(/Rendu\s*7,50/);
    unmount();
    const idle = customerDisplayState({ cart: newCart('EUR'), lastSale: null, donePanel: false }, profile.vatRates, {
      loyaltyUrl: 'https://example.com/fidelite',
    });
    show(idle);
    expect(screen.getByRole('heading').textContent).toBe('Bienvenue');
    await waitFor(() => expect(screen.getByRole('img', { name: 'https://example.com/fidelite' }).innerHTML).toContain('<svg'));
  });

  it('shows the digital receipt’s QR code while the customer may want it, not once they said no', async () => {
    const link = 'https://hub.example.com/r/s1.0123456789abcdef0123456789abcdef';
    const state = (receipt: 'pending' | 'digital' | 'none' | 'paper') =>
      customerDisplayState(
        { cart: newCart('EUR'), lastSale: { record: paidSale, print: 'not-printed', receipt }, donePanel: true },
        profile.vatRates,
        {
          receiptLink: () => link,
        },
      );
    expect(state('pending').receiptUrl).toBe(link);
    expect(state('digital').receiptUrl).toBe(link);
    expect(state('none').receiptUrl).toBeUndefined();
    expect(state('paper').receiptUrl).toBeUndefined();
    show(state('digital'));
    expect(screen.getByText('Votre ticket : scannez ce code avec votre téléphone')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('img', { name: link }).innerHTML).toContain('<svg'));
  });
});

describe('the member of the sale', () => {
  const durand = { id: 'cust-1', label: 'Durand Marie', firstName: 'Marie' };

  it('is greeted by first name with their points, never by last name, e-mail or phone; gone once paid', () => {
    const cart = addProduct({ ...newCart('EUR'), customer: { ...durand, points: 1250 } }, demoProduct(1), { lineId: 'l1' });
    const state = customerDisplayState({ cart, lastSale: null, donePanel: false }, profile.vatRates);
    expect(state.member).toEqual({ name: 'Marie', points: 1250 });
    show(state);
    expect(screen.getByText('Bonjour Marie · 1250 points de fidélité')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Durand');
    const paid = customerDisplayState(
      { cart: newCart('EUR'), lastSale: { record: paidSale, print: 'printing' }, donePanel: true },
      profile.vatRates,
    );
    expect(paid.member).toBeUndefined();
  });

  it('is welcomed before the first line without the sign-up code; a customer without a first name by the first word the till shows', () => {
    const idle = customerDisplayState(
      { cart: { ...newCart('EUR'), customer: durand }, lastSale: null, donePanel: false },
      profile.vatRates,
      {
        loyaltyUrl: 'https://example.com/fidelite',
      },
    );
    expect(idle).toEqual({ phase: 'idle', currency: 'EUR', total: 0, lines: [], member: { name: 'Marie' } });
    show(idle);
    expect(screen.getByRole('heading').textContent).toBe('Bonjour Marie');
    expect(screen.queryByRole('img')).toBeNull();
    const labelOnly = customerDisplayState(
      { cart: { ...newCart('EUR'), customer: { id: 'c-2', label: 'Martin', points: 1 } }, lastSale: null, donePanel: false },
      profile.vatRates,
    );
    expect(labelOnly.member).toEqual({ name: 'Martin', points: 1 });
  });
});

describe('between two customers', () => {
  afterEach(async () => {
    await stopTill();
  });

  it('forgets the last customer’s total and change as soon as the next sale starts', async () => {
    const till = await startTill();
    const stopFeed = feedCustomerDisplay();
    const shown = () => till.callsOf('display.show').at(-1) as CustomerDisplayState | undefined;
    try {
      act(() => {
        useCartStore.setState({ lastSale: { record: paidSale, print: 'not-printed', receipt: 'none' } });
        useAppStore.setState({ panel: 'done' });
      });
      await waitFor(() => expect(shown()).toMatchObject({ phase: 'paid', total: paidSale.payload.total, change: 750 }));
      // The cashier leaves the done panel: the next customer is welcomed, not shown the last one's change.
      act(() => useAppStore.getState().setPanel('search'));
      await waitFor(() => expect(shown()?.phase).toBe('idle'));
      expect(shown()?.change).toBeUndefined();

      // Or scans the next customer's first item straight from the done panel.
      act(() => useAppStore.setState({ panel: 'done' }));
      await waitFor(() => expect(shown()?.phase).toBe('paid'));
      await act(() => sellCode(demoProduct(100).barcodes[0]!));
      await waitFor(() =>
        expect(shown()).toMatchObject({ phase: 'sale', lines: [expect.objectContaining({ name: demoProduct(100).name })] }),
      );
      expect(shown()?.change).toBeUndefined();
    } finally {
      stopFeed();
    }
  });
});
