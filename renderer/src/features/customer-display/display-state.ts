import { cartTotals, type CustomerDisplayState, type VatRate } from '@pos/core';
import type { useCartStore } from '../../state/cart-store';

type CartState = ReturnType<typeof useCartStore.getState>;

/** Lines the customer sees at once: the newest ones, as on a pole display. */
export const CUSTOMER_LINES = 8;

/**
 * What the customer should see for the cashier's cart: the sale as it grows, the change once it
 * is paid in cash, a welcome (and the loyalty sign-up) between customers.
 */
export function customerDisplayState(
  state: Pick<CartState, 'cart' | 'lastSale'>,
  rates: readonly VatRate[],
  loyaltyUrl?: string,
): CustomerDisplayState {
  const { cart, lastSale } = state;
  if (cart.lines.length > 0) {
    const totals = cartTotals(cart, rates);
    const net = new Map(totals.lines.map((l) => [l.lineId, l.net]));
    return {
      phase: 'sale',
      currency: cart.currency,
      total: totals.total,
      lines: cart.lines.slice(-CUSTOMER_LINES).map((l) => ({ name: l.name, quantity: l.quantity, amount: net.get(l.lineId) ?? 0 })),
    };
  }
  if (lastSale) {
    const sale = lastSale.record.payload;
    return { phase: 'paid', currency: sale.currency, total: sale.total, lines: [], ...(sale.change > 0 ? { change: sale.change } : {}) };
  }
  return { phase: 'idle', currency: cart.currency, total: 0, lines: [], ...(loyaltyUrl ? { loyaltyUrl } : {}) };
}
