import { cartTotals, demoProduct, encodeVariableMeasure, weighedItemCode, withGtinCheckDigit } from '@pos/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { catalogChanged } from '../../state/sync-store';
import { cartLines, cartSummary, euros, lineNamed, noticeText, plain, searchBox } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { editQuantity } from './line-actions';
import { sellCode } from './sell';

const oignons = demoProduct(100);
const other = demoProduct(205);
const pommes = demoProduct(0);

let till: Till;
beforeEach(async () => {
  till = await startTill();
});
afterEach(async () => {
  await stopTill();
});

async function scan(code: string): Promise<void> {
  await act(() => sellCode(code));
}

function totalShown(): string {
  return cartSummary()['Total TTC']!;
}

function coreTotal(): number {
  return cartTotals(useCartStore.getState().cart, till.profile.vatRates).total;
}

describe('scanning', () => {
  it('adds a line with quantity, unit price and line total', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    expect(cartLines().map(({ row: _row, ...line }) => line)).toEqual([
      { name: oignons.name, quantity: '1', unitPrice: euros(oignons.price), total: euros(oignons.price) },
    ]);
    expect(totalShown()).toBe(euros(oignons.price));
  });

  it('counts the same code again as quantity 2', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await scan(oignons.barcodes[0]!);
    expect(cartLines()).toHaveLength(1);
    expect(lineNamed(oignons.name)).toMatchObject({ quantity: '2', total: euros(oignons.price * 2) });
  });

  it('sells a code typed in the search box and Enter', async () => {
    renderTill();
    const box = searchBox();
    fireEvent.change(box, { target: { value: other.barcodes[0] } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([other.name]));
    expect(box.value).toBe('');
  });

  it('sells a code a person types in the search box, key by key, then Enter', async () => {
    // 70 ms between keys: a person, not a scanner (the wedge takes a burst under 40 ms as a scan).
    const user = userEvent.setup({ delay: 70 });
    renderTill();
    await user.click(searchBox());
    await user.keyboard(`${oignons.barcodes[0]}{Enter}`);
    await waitFor(() => expect(cartLines().map((l) => l.name)).toEqual([oignons.name]));
    expect(searchBox().value).toBe('');
  });

  it('refuses an unknown code with "Code inconnu" and opens the search with the code', async () => {
    renderTill();
    const unknown = withGtinCheckDigit('376543210987');
    await scan(unknown);
    expect(noticeText()).toContain(`Code inconnu : ${unknown}`);
    expect(searchBox().value).toBe(unknown);
    expect(cartLines()).toEqual([]);
  });

  it('refuses a code with a bad check digit, with a message', async () => {
    renderTill();
    const good = oignons.barcodes[0]!;
    const bad = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    await scan(bad);
    expect(noticeText()).toMatch(/clé de contrôle fausse/);
    expect(noticeText()).toContain(bad);
    expect(cartLines()).toEqual([]);
  });

  it('sells a weighed product from its scale label: 0,532 kg', async () => {
    renderTill();
    const label = encodeVariableMeasure('20', weighedItemCode(0), 532, till.profile.variableMeasureLayouts[0]!);
    await scan(label);
    const line = lineNamed(pommes.name);
    expect(line.quantity).toBe('0,532 kg');
    expect(line.unitPrice).toBe(`${euros(pommes.price)}/kg`);
    expect(line.total).toBe(euros(Math.round((pommes.price * 532) / 1000)));
    expect(useCartStore.getState().cart.lines[0]).toMatchObject({ measure: 'weight', quantity: 532, code: label });
    expect(totalShown()).toBe(euros(coreTotal()));
  });

  it('shows the total core computes, whatever was sold', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await scan(other.barcodes[0]!);
    await scan(other.barcodes[0]!);
    await scan(encodeVariableMeasure('20', weighedItemCode(3), 1250, till.profile.variableMeasureLayouts[0]!));
    expect(cartLines()).toHaveLength(3);
    expect(totalShown()).toBe(euros(coreTotal()));
    expect(cartSummary()['4 article(s)']).toBe('');
  });
});

describe('changing lines', () => {
  it('changes the quantity with + and −, never below 1', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await user.click(screen.getByRole('button', { name: `Augmenter la quantité de ${oignons.name}` }));
    await user.click(screen.getByRole('button', { name: `Augmenter la quantité de ${oignons.name}` }));
    expect(lineNamed(oignons.name).quantity).toBe('3');
    await user.click(screen.getByRole('button', { name: `Diminuer la quantité de ${oignons.name}` }));
    expect(lineNamed(oignons.name)).toMatchObject({ quantity: '2', total: euros(oignons.price * 2) });
    await user.click(screen.getByRole('button', { name: `Diminuer la quantité de ${oignons.name}` }));
    await user.click(screen.getByRole('button', { name: `Diminuer la quantité de ${oignons.name}` }));
    expect(lineNamed(oignons.name).quantity).toBe('1');
    expect(totalShown()).toBe(euros(oignons.price));
  });

  it('removes a line with its ✕ button', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await scan(other.barcodes[0]!);
    await user.click(screen.getByRole('button', { name: `Supprimer ${oignons.name}` }));
    expect(cartLines().map((l) => l.name)).toEqual([other.name]);
  });

  it('removes the selected line with the Delete key', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await scan(other.barcodes[0]!);
    await user.click(screen.getByRole('button', { name: `Sélectionner ${oignons.name}` }));
    expect(lineNamed(oignons.name).row.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Delete}');
    expect(cartLines().map((l) => l.name)).toEqual([other.name]);
    await user.keyboard('{Delete}');
    expect(cartLines()).toEqual([]);
    expect(screen.getByText('Scannez un article pour commencer la vente.')).toBeTruthy();
  });

  it('does not delete a line when Delete is typed in the search box', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await user.click(searchBox());
    await user.keyboard('{Delete}');
    expect(cartLines()).toHaveLength(1);
  });

  it('the quantity dialog (F3) refuses 0 and "abc" with a message, then takes 3', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    let done: Promise<void> | undefined;
    act(() => {
      done = editQuantity();
    });
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    const field = within(dialog).getByLabelText('Quantité');
    for (const typed of ['0', 'abc', '-2', '1,5', '10000']) {
      await user.clear(field);
      await user.type(field, typed);
      await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
      expect(within(dialog).getByRole('alert').textContent, typed).toBe('Saisissez une quantité entière de 1 à 9999.');
      expect(lineNamed(oignons.name).quantity).toBe('1');
    }
    await user.clear(field);
    await user.type(field, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await act(() => done!);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lineNamed(oignons.name)).toMatchObject({ quantity: '3', total: euros(oignons.price * 3) });
  });

  it('opens the quantity dialog with F3 and closes it with Escape, changing nothing', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{F3}');
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    expect(within(dialog).getByLabelText('Quantité')).toHaveProperty('value', '1');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(lineNamed(oignons.name).quantity).toBe('1');
  });
});

describe('discounts and price overrides', () => {
  async function openAction(name: string) {
    await userEvent.setup().click(screen.getByRole('button', { name: new RegExp(`^${name}`) }));
  }

  it('applies a line discount in percent, then as an amount, and updates the totals', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(other.barcodes[0]!);
    await scan(other.barcodes[0]!);
    await scan(oignons.barcodes[0]!);
    await user.click(screen.getByRole('button', { name: `Sélectionner ${other.name}` }));

    await openAction('Remise ligne');
    let dialog = await screen.findByRole('dialog', { name: `Remise sur ${other.name}` });
    await user.type(within(dialog).getByLabelText('Valeur'), '10');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const gross = other.price * 2;
    const tenPercent = Math.round(gross / 10);
    expect(lineNamed(other.name).total).toBe(euros(gross - tenPercent));
    expect(lineNamed(other.name).row.textContent).toContain('Remise 10');
    expect(screen.queryByRole('dialog', { name: /responsable/ })).toBeNull();
    // Within her limit the cashier approves it herself, but the host still issues the approval, for exactly this figure.
    const { cart } = useCartStore.getState();
    const lineId = cart.lines[0]!.lineId;
    expect(till.callsOf('approval.request')).toEqual([{ action: 'sale.discount', subject: { saleId: cart.id, lineId, bp: 1000 } }]);
    expect(cart.lines[0]!.discount).toEqual({ kind: 'percent', bp: 1000, approvalId: 'approval-1', approvedBy: 'staff-camille' });
    expect(cartSummary()).toMatchObject({ Remises: euros(-tenPercent), 'Total TTC': euros(coreTotal()) });

    await openAction('Remise ligne');
    dialog = await screen.findByRole('dialog', { name: `Remise sur ${other.name}` });
    await user.click(within(dialog).getByRole('button', { name: 'Montant' }));
    await user.type(within(dialog).getByLabelText('Valeur'), '0,50');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(lineNamed(other.name).total).toBe(euros(gross - 50));
    expect(useCartStore.getState().cart.lines[0]!.discount).toEqual({
      kind: 'amount',
      amount: 50,
      approvalId: 'approval-2',
      approvedBy: 'staff-camille',
    });
    expect(till.callsOf('approval.request')[1]).toEqual({ action: 'sale.discount', subject: { saleId: cart.id, lineId, amount: 50 } });
    expect(totalShown()).toBe(euros(coreTotal()));
    expect(coreTotal()).toBe(gross - 50 + oignons.price);
  });

  it('refuses a discount that is not a percentage', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(other.barcodes[0]!);
    await openAction('Remise ligne');
    const dialog = await screen.findByRole('dialog', { name: `Remise sur ${other.name}` });
    for (const typed of ['abc', '0', '150']) {
      await user.clear(within(dialog).getByLabelText('Valeur'));
      await user.type(within(dialog).getByLabelText('Valeur'), typed);
      await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
      expect(within(dialog).getByRole('alert').textContent, typed).toMatch(/pourcentage entre 0 et 100/);
    }
    expect(useCartStore.getState().cart.lines[0]!.discount).toBeUndefined();
  });

  it('applies a cart discount and shows it in the summary', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(other.barcodes[0]!);
    await scan(oignons.barcodes[0]!);
    const before = coreTotal();
    await openAction('Remise panier');
    const dialog = await screen.findByRole('dialog', { name: 'Remise sur le panier' });
    expect(within(dialog).queryByRole('button', { name: 'Montant' })).toBeNull();
    await user.type(within(dialog).getByLabelText('Valeur'), '15');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const discount = Math.round((before * 15) / 100);
    expect(useCartStore.getState().cart.cartDiscountBp).toBe(1500);
    expect(useCartStore.getState().cart.cartDiscountApproval).toEqual({ approvalId: 'approval-1', approvedBy: 'staff-camille' });
    expect(till.callsOf('approval.request')).toEqual([
      { action: 'sale.discount', subject: { saleId: useCartStore.getState().cart.id, bp: 1500 } },
    ]);
    const summary = cartSummary();
    expect(Object.keys(summary).some((k) => /^Remise panier 15/.test(k))).toBe(true);
    expect(summary['Total TTC']).toBe(euros(before - discount));
    expect(summary['Total TTC']).toBe(euros(coreTotal()));
    // Each line shows its net, and the lines add up to the total.
    const lineTotals = cartTotals(useCartStore.getState().cart, till.profile.vatRates).lines.map((l) => euros(l.net));
    expect(cartLines().map((l) => l.total)).toEqual(lineTotals);
  });

  it("asks a manager's PIN for a cashier's price override and records the reason and approver", async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await openAction('Modifier le prix');
    const dialog = await screen.findByRole('dialog', { name: `Nouveau prix pour ${oignons.name}` });
    const price = within(dialog).getByLabelText('Nouveau prix');
    expect(plain((price as HTMLInputElement).value)).toBe('1,99');
    await user.clear(price);
    await user.type(price, '1,50');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Indiquez un motif.');
    await user.type(within(dialog).getByLabelText('Motif'), 'Étiquette rayon 1,50');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));

    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    expect(manager.textContent).toContain('Modifier le prix');
    await user.type(within(manager).getByLabelText('Code du responsable'), '5678');
    await user.click(within(manager).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(lineNamed(oignons.name).unitPrice).toBe(euros(150)));
    const { cart } = useCartStore.getState();
    // The cashier alone is refused by the renderer's own reading of her role: the PIN is asked first, never a request without it.
    expect(till.callsOf('approval.request')).toEqual([
      { action: 'sale.price-override', pin: '5678', subject: { saleId: cart.id, lineId: cart.lines[0]!.lineId, unitPrice: 150 } },
    ]);
    expect(cart.lines[0]!.priceOverride).toEqual({
      originalPrice: oignons.price,
      reason: 'Étiquette rayon 1,50',
      approvedBy: 'staff-sophie',
      approvalId: 'approval-1',
    });
    expect(lineNamed(oignons.name).row.textContent).toContain('Prix modifié : Étiquette rayon 1,50');
    expect(totalShown()).toBe(euros(150));
  });

  it('needs a manager for a discount above the store limit (20 %), not for one within it', async () => {
    const user = userEvent.setup();
    renderTill();
    expect(till.profile.maxCashierDiscountBp).toBe(2000);
    await scan(other.barcodes[0]!);

    await openAction('Remise ligne');
    let dialog = await screen.findByRole('dialog', { name: `Remise sur ${other.name}` });
    await user.type(within(dialog).getByLabelText('Valeur'), '20');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(useCartStore.getState().cart.lines[0]!.discount).toMatchObject({ kind: 'percent', bp: 2000 }));
    expect(till.callsOf('approval.request')).toEqual([expect.objectContaining({ action: 'sale.discount' })]);

    await openAction('Remise ligne');
    dialog = await screen.findByRole('dialog', { name: `Remise sur ${other.name}` });
    await user.type(within(dialog).getByLabelText('Valeur'), '25');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    await user.type(within(manager).getByLabelText('Code du responsable'), '5678');
    await user.click(within(manager).getByRole('button', { name: 'Valider' }));
    await waitFor(() =>
      expect(useCartStore.getState().cart.lines[0]!.discount).toEqual({
        kind: 'percent',
        bp: 2500,
        approvalId: 'approval-2',
        approvedBy: 'staff-sophie',
      }),
    );
    const { cart } = useCartStore.getState();
    expect(till.callsOf('approval.request')[1]).toEqual({
      action: 'sale.discount.large',
      pin: '5678',
      subject: { saleId: cart.id, lineId: cart.lines[0]!.lineId, bp: 2500 },
    });
  });

  it('needs a manager for an amount discount worth more than 20 % of the line', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await openAction('Remise ligne');
    const dialog = await screen.findByRole('dialog', { name: `Remise sur ${oignons.name}` });
    await user.click(within(dialog).getByRole('button', { name: 'Montant' }));
    await user.type(within(dialog).getByLabelText('Valeur'), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    await user.click(within(manager).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useCartStore.getState().cart.lines[0]!.discount).toBeUndefined();
  });

  it('needs a manager for a cart discount above the limit', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!);
    await openAction('Remise panier');
    const dialog = await screen.findByRole('dialog', { name: 'Remise sur le panier' });
    await user.type(within(dialog).getByLabelText('Valeur'), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    await user.type(within(manager).getByLabelText('Code du responsable'), '5678');
    await user.click(within(manager).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(useCartStore.getState().cart.cartDiscountBp).toBe(3000));
    expect(till.callsOf('approval.request')).toEqual([
      { action: 'sale.discount.large', pin: '5678', subject: { saleId: useCartStore.getState().cart.id, bp: 3000 } },
    ]);
    expect(useCartStore.getState().cart.cartDiscountApproval).toEqual({ approvalId: 'approval-1', approvedBy: 'staff-sophie' });
  });
});

describe('search results on screen', () => {
  it('show a new price when the catalog changes under them, without another keystroke', async () => {
    renderTill();
    const product = demoProduct(205);
    fireEvent.change(searchBox(), { target: { value: product.name } });
    const results = await screen.findByRole('list', { name: 'Résultats de recherche' });
    await waitFor(() => expect(plain(results.textContent)).toContain(euros(product.price)));
    await till.db.catalog.products.put({ ...product, price: product.price + 100 });
    act(() => catalogChanged());
    await waitFor(() =>
      expect(plain(screen.getByRole('list', { name: 'Résultats de recherche' }).textContent)).toContain(euros(product.price + 100)),
    );
  });
});
