import { cartTotals, lineGross, MAX_QUANTITY, type LineDiscount } from '@pos/core';
import { notifyError, useAppStore } from '../../state/app-store';
import { cartActions, CartLockedError, useCartStore } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { services } from '../../state/services';
import { approve } from './approval';

function selectedLine() {
  const { cart, selectedLineId } = useCartStore.getState();
  return cart.lines.find((l) => l.lineId === selectedLineId) ?? cart.lines.at(-1) ?? null;
}

function run(action: () => void): void {
  try {
    action();
  } catch (error) {
    if (error instanceof CartLockedError) useAppStore.getState().notify('warning', 'sale.locked');
    else notifyError(error);
  }
}

/** Discounts above the store's cashier limit need a manager. */
function isLargeDiscount(bp: number): boolean {
  return bp > services().profile.maxCashierDiscountBp;
}

export async function editQuantity(): Promise<void> {
  const line = selectedLine();
  if (!line || line.labelAmount !== undefined) return;
  if (line.measure === 'weight') {
    const result = await ask({ kind: 'weight', name: line.name });
    if (result?.kind === 'weight') run(() => cartActions.setQuantity(line.lineId, result.grams));
    return;
  }
  const result = await ask({ kind: 'quantity', name: line.name, initial: line.quantity, max: MAX_QUANTITY });
  if (result?.kind === 'quantity') run(() => cartActions.setQuantity(line.lineId, result.quantity));
}

export function stepQuantity(delta: 1 | -1): void {
  const line = selectedLine();
  if (!line || line.measure !== 'unit' || line.labelAmount !== undefined) return;
  if (line.quantity + delta < 1) return;
  run(() => cartActions.setQuantity(line.lineId, Math.min(MAX_QUANTITY, line.quantity + delta)));
}

export function removeSelectedLine(): void {
  const line = selectedLine();
  if (line) run(() => cartActions.remove(line.lineId));
}

export async function discountLine(): Promise<void> {
  const line = selectedLine();
  if (!line) return;
  const result = await ask({ kind: 'line-discount', name: line.name, hasDiscount: line.discount !== undefined });
  if (result?.kind !== 'discount') return;
  const discount: LineDiscount | null = result.discount;
  if (discount) {
    const gross = lineGross(line);
    const bp = discount.kind === 'percent' ? discount.bp : gross > 0 ? Math.ceil((discount.amount * 10_000) / gross) : 10_000;
    const approver = isLargeDiscount(bp)
      ? await approve('sale.discount.large', 'actions.lineDiscount')
      : await approve('sale.discount', 'actions.lineDiscount');
    if (!approver) return;
  }
  run(() => cartActions.setLineDiscount(line.lineId, discount));
}

export async function discountCart(): Promise<void> {
  const { cart } = useCartStore.getState();
  if (cart.lines.length === 0) return;
  const result = await ask({ kind: 'cart-discount', hasDiscount: cart.cartDiscountBp !== undefined });
  if (result?.kind !== 'discount') return;
  if (result.discount && result.discount.kind !== 'percent') return;
  const bp = result.discount?.bp ?? null;
  if (bp !== null) {
    const approver = await approve(isLargeDiscount(bp) ? 'sale.discount.large' : 'sale.discount', 'actions.cartDiscount');
    if (!approver) return;
  }
  run(() => cartActions.setCartDiscount(bp));
}

export async function overrideSelectedPrice(): Promise<void> {
  const line = selectedLine();
  if (!line || line.labelAmount !== undefined) return;
  const result = await ask({ kind: 'price-override', name: line.name, current: line.unitPrice });
  if (result?.kind !== 'price') return;
  const approver = await approve('sale.price-override', 'actions.priceOverride');
  if (!approver) return;
  run(() => cartActions.overridePrice(line.lineId, result.price, result.reason, approver));
}

export function cartTotal(): number {
  const { cart } = useCartStore.getState();
  return cartTotals(cart, services().profile.vatRates).total;
}
