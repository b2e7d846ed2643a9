import { demoProduct, type CartDoc } from '@pos/core';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../state/app-store';
import { cartActions, persistCart, useCartStore } from '../../state/cart-store';
import { replaceProfile, services } from '../../state/services';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { parkSale } from '../sale/sale-lifecycle';
import { autoLockMs } from './use-auto-lock';

let till: Till;
beforeEach(async () => {
  till = await startTill();
  till.handle('session.signOut', () => {
    till.signedIn = null;
    return null;
  });
});
afterEach(async () => {
  await stopTill();
});

/** A lock after `ms` milliseconds (the setting is in minutes; a fraction keeps the test fast). */
const lockAfter = (ms: number) => replaceProfile({ ...services().profile, autoLockMinutes: ms / 60_000 });
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const parkedCarts = async () =>
  (
    await services()
      .db.docs.carts.find({ selector: { status: 'parked' } })
      .exec()
  ).map((d) => d.toJSON() as CartDoc);

describe('auto-lock and quick cashier switch', () => {
  it('uses the store’s minutes, 5 by default, never when 0', () => {
    expect([autoLockMs(undefined), autoLockMs(2), autoLockMs(0)]).toEqual([300_000, 120_000, null]);
  });

  it('locks after the idle time, keeps the cart, and gives it back to the same cashier', async () => {
    lockAfter(150);
    renderTill();
    act(() => cartActions.add(demoProduct(1), {}));
    // Input keeps the till open…
    for (let i = 0; i < 5; i++) {
      await pause(60);
      fireEvent.keyDown(document.body, { key: 'Shift' });
    }
    expect(useAppStore.getState().phase).toBe('selling');
    // …none locks it: back to sign-in, signed out at the host.
    await waitFor(() => expect(useAppStore.getState().phase).toBe('signin'));
    expect(till.callsOf('session.signOut')).toHaveLength(1);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    await user.type(screen.getByLabelText('Code personnel'), '1234{Enter}');
    await waitFor(() => expect(useAppStore.getState().phase).toBe('selling'));
    expect(useCartStore.getState().cart.lines.map((l) => l.productId)).toEqual([demoProduct(1).id]);
  });

  it('parks a locked cashier’s cart under their name when another signs in, and lists it first for them', async () => {
    lockAfter(100);
    renderTill();
    act(() => cartActions.add(demoProduct(2), {}));
    await persistCart();
    await waitFor(() => expect(useAppStore.getState().phase).toBe('signin'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sophie' }));
    await user.type(screen.getByLabelText('Code personnel'), '5678{Enter}');
    await waitFor(() => expect(useAppStore.getState().staff?.id).toBe('staff-sophie'));
    await waitFor(async () => expect((await parkedCarts()).map((d) => d.staffId)).toEqual(['staff-camille']));
    expect(useCartStore.getState().cart.lines).toEqual([]);

    // Sophie parks one of her own, the till locks again, Camille is back: her cart is listed first.
    act(() => cartActions.add(demoProduct(3), {}));
    await act(() => parkSale());
    await waitFor(() => expect(useAppStore.getState().phase).toBe('signin'));
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    await user.type(screen.getByLabelText('Code personnel'), '1234{Enter}');
    await waitFor(() => expect(useAppStore.getState().staff?.id).toBe('staff-camille'));
    act(() => useAppStore.getState().setPanel('parked'));
    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((r) => (r.textContent?.includes('Camille') ? 'Camille' : r.textContent?.includes('Sophie') ? 'Sophie' : '?'))).toEqual([
      'Camille',
      'Sophie',
    ]);
  });

  it('asks the host every minute who may sign in, so a person added at the hub appears on an idle sign-in screen', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      till.signedIn = null;
      useAppStore.setState({ phase: 'signin', staff: null });
      renderTill();
      till.handle('staff.list', () => [...till.staff, { id: 'staff-julie', displayName: 'Julie', role: 'cashier' }]);
      expect(screen.queryByRole('button', { name: 'Julie' })).toBeNull();
      act(() => vi.advanceTimersByTime(60_000));
      expect(await screen.findByRole('button', { name: 'Julie' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('selects the person whose hub badge is scanned, then asks for their PIN', async () => {
    till.staff.push({ id: 'staff-julie', displayName: 'Julie', role: 'cashier', badgeCode: '0042-JULIE' });
    till.signedIn = null;
    useAppStore.setState({ phase: 'signin', staff: null });
    renderTill();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Julie' })).toBeTruthy());
    act(() => till.emit('scanner.scan', { code: '0042-JULIE', source: 'hid-pos' }));
    expect(await screen.findByText('Julie, saisissez votre code personnel (4 à 6 chiffres)')).toBeTruthy();
  });
});
