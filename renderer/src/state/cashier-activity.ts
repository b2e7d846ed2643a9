import { useCartStore } from './cart-store';

/** A sale is being rung up if its cart changed this recently (a customer at the till). */
export const CASHIER_QUIET_MS = 15_000;

let lastChange = 0;
useCartStore.subscribe((state, previous) => {
  if (state.cart !== previous.cart || state.tenders !== previous.tenders || state.status !== previous.status) lastChange = Date.now();
});

/** True while a customer is being served: lines in the cart, or a payment under way, touched within the quiet time. */
export function cashierBusy(now = Date.now()): boolean {
  const { cart, status } = useCartStore.getState();
  return (cart.lines.length > 0 || status !== 'selling') && now - lastChange < CASHIER_QUIET_MS;
}

/**
 * Resolves once the cashier is not serving a customer. Background work that competes with the
 * sale screen for the page and IndexedDB (a catalog import) waits here between its pages.
 */
export async function untilCashierIdle(pollMs = 250): Promise<void> {
  while (cashierBusy()) await new Promise((r) => setTimeout(r, pollMs));
}
