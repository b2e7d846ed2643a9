import {
  amountDue,
  cartTotals,
  isSaleV1,
  voucherTotal,
  type CartCustomer,
  type CustomerDisplayMember,
  type CustomerDisplayState,
  type SealedRecord,
  type VatRate,
} from '@pos/core';
import type { useCartStore } from '../../state/cart-store';

type CartState = ReturnType<typeof useCartStore.getState>;

/** Lines the customer sees at once: the newest ones, as on a pole display. */
export const CUSTOMER_LINES = 8;

export type DisplayLinks = {
  readonly loyaltyUrl?: string;
  /** The sale's digital receipt link, where the till can make one. */
  readonly receiptLink?: (record: SealedRecord<'sale'>) => string | null;
  /** The sale's loyalty sign-up link (none for a member's sale, or without the hub's address). */
  readonly joinLink?: (record: SealedRecord<'sale'>) => string | null;
};

/**
 * How the member of the sale is greeted: by first name, or the first word of the name the till
 * shows; never a last name given as such, an e-mail or a phone (the screen faces the queue).
 */
export function displayMember(customer: CartCustomer | undefined): CustomerDisplayMember | undefined {
  if (!customer) return undefined;
  const name = (customer.firstName?.trim() || customer.label.trim().split(/\s+/)[0] || '').slice(0, 60);
  if (!name) return undefined;
  return {
    name,
    ...(customer.points !== undefined && Number.isSafeInteger(customer.points) && customer.points >= 0 ? { points: customer.points } : {}),
  };
}

/**
 * What the customer should see for the cashier's cart: the sale as it grows, the total and change
 * while the done panel shows the sale just paid (with the digital receipt's QR code while the
 * customer may want it), a welcome (and the loyalty sign-up) between customers. Once the cashier
 * leaves the done panel or rings up the next line, the last customer's figures are gone. A member
 * attached to the cart is greeted (also before the first line), never once the sale is paid.
 */
export function customerDisplayState(
  state: Pick<CartState, 'cart' | 'lastSale'> & { readonly donePanel: boolean },
  rates: readonly VatRate[],
  links: DisplayLinks = {},
): CustomerDisplayState {
  const { cart, lastSale } = state;
  const member = displayMember(cart.customer);
  const greeted = member ? { member } : {};
  // A gift card sold is a sale too, with or without goods: the customer sees what they will pay.
  if (cart.lines.length > 0 || cart.vouchers?.length) {
    const totals = cartTotals(cart, rates);
    const net = new Map(totals.lines.map((l) => [l.lineId, l.net]));
    return {
      phase: 'sale',
      currency: cart.currency,
      total: totals.total + voucherTotal(cart),
      lines: cart.lines.slice(-CUSTOMER_LINES).map((l) => ({ name: l.name, quantity: l.quantity, amount: net.get(l.lineId) ?? 0 })),
      ...greeted,
    };
  }
  if (lastSale && state.donePanel) {
    const sale = lastSale.record.payload;
    const offered = lastSale.receipt === 'pending' || lastSale.receipt === 'digital';
    const receiptUrl = offered ? links.receiptLink?.(lastSale.record) : null;
    const joinUrl = links.joinLink?.(lastSale.record);
    return {
      phase: 'paid',
      currency: sale.currency,
      total: isSaleV1(sale) ? amountDue(sale) : sale.total,
      lines: [],
      ...(sale.change > 0 ? { change: sale.change } : {}),
      ...(receiptUrl ? { receiptUrl } : {}),
      ...(joinUrl ? { joinUrl } : {}),
    };
  }
  // A member already needs no sign-up code.
  if (member) return { phase: 'idle', currency: cart.currency, total: 0, lines: [], member };
  return { phase: 'idle', currency: cart.currency, total: 0, lines: [], ...(links.loyaltyUrl ? { loyaltyUrl: links.loyaltyUrl } : {}) };
}
