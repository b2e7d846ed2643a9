import { demoProduct, demoStoreProfile } from '@pos/core';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { newCart } from '../../state/cart-store';
import { CustomerDisplay } from './CustomerDisplay';
import { CUSTOMER_LINES, customerDisplayState } from './display-state';
import { addProduct } from '@pos/core';

const profile = demoStoreProfile('S001', 'T01');

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
    const state = customerDisplayState({ cart, lastSale: null }, profile.vatRates);
    expect(state.phase).toBe('sale');
    expect(state.lines).toHaveLength(CUSTOMER_LINES);
    expect(state.lines.at(-1)!.name).toBe(demoProduct((CUSTOMER_LINES + 1) * 7 + 1).name);
    show(state);
    expect(screen.getAllByRole('row')).toHaveLength(CUSTOMER_LINES);
    expect(screen.getByRole('status').textContent).toMatch(/Total/);
  });

  it('shows the change after a cash sale, then a welcome with the loyalty QR code', async () => {
    const sale = cashSale({ saleId: 's1' });
    const paid = customerDisplayState(
      { cart: newCart('EUR'), lastSale: { record: { payload: { ...sale, change: 750 } } as never, print: 'printing' } },
      profile.vatRates,
    );
    expect(paid).toMatchObject({ phase: 'paid', change: 750 });
    const { unmount } = show(paid);
    expect(screen.getByRole('status').textContent).toMatch(/Rendu\s*7,50/);
    unmount();
    const idle = customerDisplayState({ cart: newCart('EUR'), lastSale: null }, profile.vatRates, 'https://example.com/fidelite');
    show(idle);
    expect(screen.getByRole('heading').textContent).toBe('Bienvenue');
    await waitFor(() => expect(screen.getByRole('img', { name: 'https://example.com/fidelite' }).innerHTML).toContain('<svg'));
  });
});
