import type { CartCustomer } from '@pos/core';
import { ask } from '../../state/dialog-store';
import { cartActions, useCartStore } from '../../state/cart-store';
import { services } from '../../state/services';
import { removeReward } from '../loyalty/reward-actions';

/** F11: the customer the sale is for, found or created in the dialog; attached to the open cart (also after its first items). */
export async function chooseCustomer(): Promise<void> {
  const result = await ask({ kind: 'customer', current: useCartStore.getState().cart.customer ?? null });
  if (result?.kind !== 'customer') return;
  // A reward spends its member's points: another member (or none) gives them back first.
  if (useCartStore.getState().cart.reward && result.customer?.id !== useCartStore.getState().cart.customer?.id) await removeReward();
  cartActions.setCustomer(result.customer);
  if (result.customer) void showPoints(result.customer);
}

/**
 * The member's points, read at the hub once attached, for the customer display's greeting. The
 * sale never waits for it: offline, or with no programme, the display greets without points; an
 * answer for a customer no longer on the cart is dropped.
 */
export async function showPoints(customer: CartCustomer): Promise<void> {
  try {
    const points = await services().bridge.invoke('customers.points', { customerId: customer.id });
    if (points === null || useCartStore.getState().cart.customer?.id !== customer.id) return;
    cartActions.setCustomer({ ...customer, points: points.available });
  } catch {
    // Offline or refused: the points are not shown, nothing else changes.
  }
}
