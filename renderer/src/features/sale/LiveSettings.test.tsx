import { demoProduct, vatFromInclusive, type SalePayload, type SealRequest, type StoreProfile, type VatRate } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkHostState } from '../../app/host-state-link';
import { useCartStore } from '../../state/cart-store';
import { services } from '../../state/services';
import { cartSummary, euros, paymentFigures, paymentRegion, plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from './sell';

// 6,19 € at the 20 % rate (FR-20).
const shampoo = demoProduct(107);

let till: Till;
let user: UserEvent;
let unlink: () => void;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
  // As boot does: the host's store.profile and fiscal.status events reach the renderer's state.
  unlink = linkHostState(till.bridge);
});
afterEach(async () => {
  unlink();
  await stopTill();
});

function vatShown(): string {
  return cartSummary()['dont TVA']!;
}

function withRate20(profile: StoreProfile, periods: readonly Partial<VatRate>[]): StoreProfile {
  const others = profile.vatRates.filter((r) => r.id !== 'FR-20');
  const base = profile.vatRates.find((r) => r.id === 'FR-20')!;
  return { ...profile, vatRates: [...others, ...periods.map((p) => ({ ...base, ...p }))] };
}

function quickCashButtons(): string[] {
  return within(paymentRegion())
    .getAllByRole('button')
    .map((b) => plain(b.textContent))
    .filter((text) => /€$/.test(text));
}

describe('store settings sent by the host', () => {
  it('change the VAT, the quick cash amounts and the cash due the moment they arrive, and are kept in the settings', async () => {
    renderTill();
    await act(() => sellCode(shampoo.barcodes[0]!));
    expect(vatShown()).toBe(euros(vatFromInclusive(shampoo.price, 2000).vat));
    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    // The store's amounts above the 6,19 € due.
    expect(quickCashButtons()).toEqual([1000, 2000, 5000].map(euros));
    expect(paymentFigures()['À payer en espèces (arrondi)']).toBeUndefined();

    const profile: StoreProfile = {
      ...withRate20(till.profile, [{ rateBp: 2100, label: 'TVA 21 %' }]),
      quickCashAmounts: [1000, 20000],
      cashRounding: { step: 5 },
    };
    act(() => till.emit('store.profile', profile));

    expect(vatShown()).toBe(euros(vatFromInclusive(shampoo.price, 2100).vat));
    expect(vatFromInclusive(shampoo.price, 2100).vat).not.toBe(vatFromInclusive(shampoo.price, 2000).vat);
    expect(quickCashButtons()).toEqual([1000, 20000].map(euros));
    // 6,19 € in cash is 6,20 € with 5-cent rounding.
    expect(paymentFigures()).toMatchObject({ 'À payer': euros(619), 'À payer en espèces (arrondi)': euros(620) });
    expect(services().profile).toBe(profile);
    await waitFor(async () => expect((await till.db.docs.settings.findOne('store.profile').exec())?.toJSON().value).toEqual(profile));

    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const sale = (till.callsOf('fiscal.seal') as SealRequest[]).find((r) => r.chain === 'sale')!.payload as SalePayload;
    expect(sale.lines[0]!.rateBp).toBe(2100);
    expect(sale.tenders[0]).toMatchObject({ method: 'cash', amount: 620 });
  });

  it('a lower cashier discount limit asks for a manager at once', async () => {
    renderTill();
    await act(() => sellCode(shampoo.barcodes[0]!));
    act(() => till.emit('store.profile', { ...till.profile, maxCashierDiscountBp: 500 }));
    await user.click(screen.getByRole('button', { name: /^Remise ligne/ }));
    const dialog = await screen.findByRole('dialog', { name: `Remise sur ${shampoo.name}` });
    await user.type(within(dialog).getByLabelText('Valeur'), '10');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(await screen.findByRole('dialog', { name: 'Accord d’un responsable' })).toBeTruthy();
    expect(till.callsOf('approval.request')).toEqual([]);
  });
});

describe('a VAT rate that changes by law', () => {
  it('applies at its instant: on screen without another scan, and in the sale sealed after it', async () => {
    renderTill();
    await act(() => sellCode(shampoo.barcodes[0]!));
    const change = new Date(Date.now() + 1500).toISOString();
    act(() =>
      till.emit(
        'store.profile',
        withRate20(till.profile, [{ validUntil: change }, { rateBp: 2100, label: 'TVA 21 %', validFrom: change }]),
      ),
    );
    expect(vatShown()).toBe(euros(vatFromInclusive(shampoo.price, 2000).vat));
    await waitFor(() => expect(vatShown()).toBe(euros(vatFromInclusive(shampoo.price, 2100).vat)), { timeout: 5000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(change));
    expect(useCartStore.getState().cart.lines).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const sale = (till.callsOf('fiscal.seal') as SealRequest[]).find((r) => r.chain === 'sale')!.payload as SalePayload;
    expect(sale.lines[0]!.rateBp).toBe(2100);
    expect(sale.vat).toEqual([
      expect.objectContaining({ vatRateId: 'FR-20', rateBp: 2100, vat: vatFromInclusive(shampoo.price, 2100).vat }),
    ]);
  });
});
