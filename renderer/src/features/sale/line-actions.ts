import { lineGross, MAX_QUANTITY, type ApprovalAction, type LineDiscount } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { cartActions, CartLockedError, useCartStore } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { refuseWhileSealingStopped } from '../../state/selling-guard';
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

/** A discount within the store's cashier limit is the cashier's to give; above it, a manager's. */
function discountAction(bp: number): ApprovalAction {
  return bp > services().profile.maxCashierDiscountBp ? 'sale.discount.large' : 'sale.discount';
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
  if (!line || refuseWhileSealingStopped()) return;
  const result = await ask({ kind: 'line-discount', name: line.name, hasDiscount: line.discount !== undefined });
  if (result?.kind !== 'discount') return;
  const discount: LineDiscount | null = result.discount;
  if (!discount) return run(() => cartActions.removeLineDiscount(line.lineId));
  const gross = lineGross(line);
  // An amount is judged by the share of the line it takes, rounded up: as the host judges it.
  const bp = discount.kind === 'percent' ? discount.bp : gross > 0 ? Math.ceil((discount.amount * 10_000) / gross) : 10_000;
  const figure = discount.kind === 'percent' ? { bp: discount.bp } : { amount: discount.amount };
  const { cart } = useCartStore.getState();
  const grant = await approve(discountAction(bp), 'actions.lineDiscount', { saleId: cart.id, lineId: line.lineId, ...figure });
  if (grant) run(() => cartActions.setLineDiscount(line.lineId, discount, grant));
}

/** Who gets the credit for the selected line: a salesperson among the store's staff, or nobody but the cashier. */
export async function chooseSalesperson(): Promise<void> {
  const line = selectedLine();
  if (!line) return;
  const people = services().staff.map((s) => ({ id: s.id, name: s.displayName }));
  const result = await ask({ kind: 'salesperson', name: line.name, current: line.salespersonId ?? null, people });
  if (result?.kind === 'salesperson') run(() => cartActions.setLineSalesperson(line.lineId, result.staffId));
}

export async function discountCart(): Promise<void> {
  const { cart } = useCartStore.getState();
  if (cart.lines.length === 0 || refuseWhileSealingStopped()) return;
  const result = await ask({ kind: 'cart-discount', hasDiscount: cart.cartDiscountBp !== undefined });
  if (result?.kind !== 'discount') return;
  if (!result.discount) return run(() => cartActions.removeCartDiscount());
  if (result.discount.kind !== 'percent') return;
  const { bp } = result.discount;
  const grant = await approve(discountAction(bp), 'actions.cartDiscount', { saleId: cart.id, bp });
  if (grant) run(() => cartActions.setCartDiscount(bp, grant));
}

export async function overrideSelectedPrice(): Promise<void> {
  const line = selectedLine();
  if (!line || line.labelAmount !== undefined || refuseWhileSealingStopped()) return;
  const result = await ask({ kind: 'price-override', name: line.name, current: line.unitPrice });
  if (result?.kind !== 'price') return;
  const { cart } = useCartStore.getState();
  const grant = await approve('sale.price-override', 'actions.priceOverride', {
    saleId: cart.id,
    lineId: line.lineId,
    unitPrice: result.price,
  });
  if (grant) run(() => cartActions.overridePrice(line.lineId, result.price, result.reason, grant));
}
