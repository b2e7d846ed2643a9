import { cartTotals, type CartDoc } from '@pos/core';
import { mirrorJournal } from '../../db/journal-mirror';
import { notifyError, useAppStore } from '../../state/app-store';
import { cartActions, hasCountedTenders, persistCart, useCartStore } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { services } from '../../state/services';
import { approve } from './approval';

function currentStaffId(): string {
  return useAppStore.getState().staff?.id ?? '';
}

export async function parkSale(): Promise<void> {
  const { cart, status } = useCartStore.getState();
  const app = useAppStore.getState();
  if (cart.lines.length === 0) return app.notify('info', 'parked.emptyCart');
  if (status !== 'selling' || hasCountedTenders(useCartStore.getState().tenders)) return app.notify('warning', 'sale.locked');
  await persistCart();
  const doc = await services().db.docs.carts.findOne(cart.id).exec();
  await doc?.patch({ status: 'parked', updatedAt: new Date().toISOString() });
  cartActions.start(currentStaffId(), services().profile.currency);
  app.notify('success', 'parked.parkedOk');
}

export async function resumeSale(cartId: string): Promise<void> {
  const { cart } = useCartStore.getState();
  if (cart.lines.length > 0) await parkSale();
  if (useCartStore.getState().cart.lines.length > 0) return;
  const doc = await services().db.docs.carts.findOne(cartId).exec();
  if (!doc) return;
  const updated = await doc.patch({ status: 'open', updatedAt: new Date().toISOString() });
  cartActions.restore(updated.toMutableJSON() as CartDoc, currentStaffId());
  useAppStore.getState().setPanel('search');
}

/** Voiding is a sealed technical event carrying what was on the cart; nothing is deleted. */
export async function voidSale(): Promise<void> {
  const { cart, status } = useCartStore.getState();
  const app = useAppStore.getState();
  if (cart.lines.length === 0) return;
  if (status !== 'selling' || useCartStore.getState().tenders.some((t) => t.method === 'card' && t.status !== 'declined')) {
    return app.notify('warning', 'sale.locked');
  }
  const confirmed = await ask({ kind: 'confirm-void' });
  if (confirmed?.kind !== 'confirmed') return;
  const staffId = await approve('sale.void', 'actions.voidSale');
  if (!staffId) return;
  const { bridge, db, profile } = services();
  const totals = cartTotals(cart, profile.vatRates);
  try {
    await bridge.invoke('fiscal.seal', {
      chain: 'event',
      id: crypto.randomUUID(),
      payload: {
        type: 'sale.void',
        saleId: cart.id,
        staffId: currentStaffId(),
        lineCount: cart.lines.length,
        total: totals.total,
        currency: cart.currency,
        lines: cart.lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, amount: totals.lines[i]?.net ?? 0 })),
      },
    });
  } catch (error) {
    return notifyError(error);
  }
  await (await db.docs.carts.findOne(cart.id).exec())?.remove();
  cartActions.start(currentStaffId(), profile.currency);
  app.setPanel('search');
  app.notify('success', 'voided');
  void mirrorJournal(db.docs, bridge, 'event').catch(() => undefined);
}
