import { demoStoreProfile } from '@pos/core';
import { joinLinkFor, joinProof } from '@pos/core/signup/join-link';
import { cashSale, signedSaleRecord } from '@pos/core/test-support/sample-sale';
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { newCart } from '../../state/cart-store';
import { CustomerDisplay } from './CustomerDisplay';
import { customerDisplayState } from './display-state';

const profile = demoStoreProfile('S001', 'T01');
const HUB = 'https://hub.example.com';

function paidState(record: ReturnType<typeof signedSaleRecord>) {
  return customerDisplayState(
    { cart: newCart('EUR'), lastSale: { record, print: 'printing', receipt: 'paper' }, donePanel: true },
    profile.vatRates,
    { joinLink: (sale) => joinLinkFor(sale, profile, HUB) },
  );
}

describe('the loyalty sign-up after payment', () => {
  it('shows the sale’s sign-up QR code with its words, French first, when the sale has no member', async () => {
    const record = signedSaleRecord(cashSale({ saleId: 'd-join' }), 1);
    const state = paidState(record);
    const url = `${HUB}/join/S001/d-join.${joinProof(record.hash)}`;
    expect(state.joinUrl).toBe(url);
    const { unmount } = render(
      <I18nextProvider i18n={createI18n('fr')}>
        <CustomerDisplay state={state} storeName="Épicerie du Marché" />
      </I18nextProvider>,
    );
    expect(screen.getByText('Devenez membre et gagnez les points de cet achat : scannez ce code')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('img', { name: url }).innerHTML).toContain('<svg'));
    unmount();
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <CustomerDisplay state={state} storeName="Épicerie du Marché" />
      </I18nextProvider>,
    );
    expect(screen.getByText('Join our loyalty club and earn this purchase’s points: scan this code')).toBeTruthy();
  });

  it('shows none for a member’s sale, nor before the sale is paid', () => {
    const member = signedSaleRecord({ ...cashSale({ saleId: 'd-member' }), customerId: 'c-1' }, 1);
    expect(paidState(member).joinUrl).toBeUndefined();
    const idle = customerDisplayState({ cart: newCart('EUR'), lastSale: null, donePanel: false }, profile.vatRates, {
      joinLink: () => 'https://hub.example.com/join/x',
    });
    expect(idle.joinUrl).toBeUndefined();
  });
});
