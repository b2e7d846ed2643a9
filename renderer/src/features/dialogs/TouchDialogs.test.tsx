import { demoProduct } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { setDeviceStatus, useDeviceStore } from '../../state/device-store';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode, sellProduct } from '../sale/sell';

const oignons = demoProduct(100);
const weighed = { ...demoProduct(0), measure: 'weight' as const };

let till: Till;
let keys = 0;
const countKey = () => keys++;
beforeEach(async () => {
  till = await startTill();
  keys = 0;
  window.addEventListener('keydown', countKey, { capture: true });
});
afterEach(async () => {
  window.removeEventListener('keydown', countKey, { capture: true });
  // A till with no keyboard: not one key was pressed to get there.
  expect(keys).toBe(0);
  useDeviceStore.setState({ statuses: {} });
  await stopTill();
});

/** A cashier with a touch screen only: every step a pointer click, never a key. */
async function touchTill() {
  const user = userEvent.setup();
  renderTill();
  await act(() => sellCode(oignons.barcodes[0]!));
  const tap = (name: string | RegExp, within_: HTMLElement = document.body) => user.click(within(within_).getByRole('button', { name }));
  const keypad = async (dialog: HTMLElement, text: string) => {
    const pad = within(dialog).getByRole('group', { name: 'Pavé numérique' });
    for (const key of text) await tap(key === ',' ? 'Virgule' : key, pad);
  };
  return { user, tap, keypad };
}

const line = () => useCartStore.getState().cart.lines[0]!;

describe('every number dialog done by touch alone', () => {
  it('quantity: the keypad replaces the 1 offered', async () => {
    const { tap, keypad } = await touchTill();
    await tap(/^Quantité/);
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    await keypad(dialog, '4');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Quantité').value).toBe('4');
    await tap('Valider', dialog);
    await waitFor(() => expect(line().quantity).toBe(4));
  });

  it('quantity refused: the value stays selected, the next key replaces it', async () => {
    const { tap, keypad } = await touchTill();
    await tap(/^Quantité/);
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    await keypad(dialog, '0');
    await tap('Valider', dialog);
    expect(within(dialog).getByRole('alert').textContent).toBe('Saisissez une quantité entière de 1 à 9999.');
    await keypad(dialog, '2');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Quantité').value).toBe('2');
    await tap('Valider', dialog);
    await waitFor(() => expect(line().quantity).toBe(2));
  });

  it('discount: amount chosen with a toggle, the value on the keypad', async () => {
    const { tap, keypad } = await touchTill();
    await tap(/^Remise ligne/);
    const dialog = await screen.findByRole('dialog', { name: `Remise sur ${oignons.name}` });
    const amount = within(dialog).getByRole('button', { name: 'Montant' });
    await tap('Montant', dialog);
    expect(amount.getAttribute('aria-pressed')).toBe('true');
    // Within the cashier's own limit (20 % of the line), so no manager is asked.
    await keypad(dialog, '0,30');
    await tap('Valider', dialog);
    await waitFor(() => expect(line().discount).toMatchObject({ kind: 'amount', amount: 30 }));
  });

  it('price: the new price on the keypad, a usual reason with one touch, the manager’s PIN on the pad', async () => {
    const { tap, keypad } = await touchTill();
    await tap(/^Modifier le prix/);
    const dialog = await screen.findByRole('dialog', { name: `Nouveau prix pour ${oignons.name}` });
    await keypad(dialog, '1,50');
    await tap('Article abîmé', dialog);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Motif').value).toBe('Article abîmé');
    await tap('Valider', dialog);
    const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    for (const digit of '5678') await tap(`Chiffre ${digit}`, manager);
    await tap('Valider', manager);
    await waitFor(() => expect(line().priceOverride).toMatchObject({ reason: 'Article abîmé', approvedBy: 'staff-sophie' }));
    expect(line().unitPrice).toBe(150);
  });

  it('manager PIN: too many wrong ones keep the dialog with a countdown that moves, and Valider waits', async () => {
    const { tap, keypad } = await touchTill();
    await tap(/^Modifier le prix/);
    const dialog = await screen.findByRole('dialog', { name: `Nouveau prix pour ${oignons.name}` });
    await keypad(dialog, '1,50');
    await tap('Article abîmé', dialog);
    await tap('Valider', dialog);
    let alert = '';
    for (let attempt = 0; attempt < 10 && !alert.includes('réessayez dans'); attempt++) {
      const manager = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
      for (const digit of '9999') await tap(`Chiffre ${digit}`, manager);
      await tap('Valider', manager);
      alert = await waitFor(
        () => within(screen.getByRole('dialog', { name: 'Accord d’un responsable' })).getByRole('alert').textContent ?? '',
      );
    }
    const manager = screen.getByRole('dialog', { name: 'Accord d’un responsable' });
    const first = within(manager).getByRole('alert').textContent;
    expect(first).toMatch(/^Trop de codes faux : réessayez dans \d+:\d\d\.$/);
    expect(within(manager).getByRole('button', { name: 'Valider' })).toHaveProperty('disabled', true);
    await waitFor(() => expect(within(manager).getByRole('alert').textContent).not.toBe(first), { timeout: 2500 });
  });

  it('weight: typed on the keypad, and the dialog says when no scale is set up', async () => {
    const { tap, keypad } = await touchTill();
    act(() => void sellProduct(weighed));
    const dialog = await screen.findByRole('dialog', { name: `Poids pour ${weighed.name} (kg ou g)` });
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Aucune balance configurée : saisissez le poids.'));
    expect(within(dialog).getByRole('button', { name: 'Lire la balance' })).toHaveProperty('disabled', true);
    await keypad(dialog, '0,532');
    await tap('Valider', dialog);
    await waitFor(() => expect(useCartStore.getState().cart.lines.find((l) => l.measure === 'weight')?.quantity).toBe(532));
  });
});

describe('the weight dialog and the scale', () => {
  it('does not ask a scale the host reports as not set up, and says so', async () => {
    setDeviceStatus({ role: 'scale', label: 'No scale', state: 'off' });
    renderTill();
    act(() => void sellProduct(weighed));
    const dialog = await screen.findByRole('dialog', { name: /^Poids pour/ });
    expect(within(dialog).getByRole('status').textContent).toBe('Aucune balance configurée : saisissez le poids.');
    expect(within(dialog).getByRole('button', { name: 'Lire la balance' })).toHaveProperty('disabled', true);
    expect(till.callsOf('scale.read')).toEqual([]);
  });

  it('says why a reading failed in the screen’s language, not the host’s words', async () => {
    till.handle('scale.read', () => ({ ok: false, reason: 'unstable', message: 'Weight not stable yet' }));
    renderTill('en');
    act(() => void sellProduct(weighed));
    const dialog = await screen.findByRole('dialog', { name: /^Weight for/ });
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/^The weight is not steady/));
    expect(within(dialog).getByRole('button', { name: 'Read the scale' })).toHaveProperty('disabled', false);
  });

  it('selects a weight read, so a weight typed replaces it', async () => {
    till.handle('scale.read', () => ({ ok: true, grams: 1235 }));
    const user = userEvent.setup();
    renderTill();
    act(() => void sellProduct(weighed));
    const field = await screen.findByLabelText<HTMLInputElement>('Poids');
    await waitFor(() => expect(field.value).toBe('1,235'));
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 5]);
    await user.click(within(screen.getByRole('group', { name: 'Pavé numérique' })).getByRole('button', { name: '2' }));
    expect(field.value).toBe('2');
  });
});
