import type { Cart, CartDoc, SealRequest } from '@pos/core';
import { mirrorJournal } from '../../db/journal-mirror';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { cartActions, hasCountedTenders, persistCart, useCartStore } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { isOutcomeUnknown } from '../../state/host-outcome';
import { totalsNow } from '../../state/rates-now';
import { refuseWhileSealingStopped } from '../../state/selling-guard';
import { services } from '../../state/services';
import { approve } from './approval';
import { alreadyVoided, confirmVoid, forgetVoid, rememberVoid } from './pending-voids';

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

/** The one void of a cart: its id comes from the cart, so a retry is the same record (the host answers the one it has). */
export function voidRecordId(cartId: string): string {
  return `void-${cartId}`;
}

function voidRequest(cart: Cart, approval: { approvalId: string; approvedBy: string }): SealRequest<'event'> {
  const totals = totalsNow(cart);
  return {
    chain: 'event',
    id: voidRecordId(cart.id),
    payload: {
      type: 'sale.void',
      saleId: cart.id,
      staffId: currentStaffId(),
      lineCount: cart.lines.length,
      total: totals.total,
      currency: cart.currency,
      lines: cart.lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, amount: totals.lines[i]?.net ?? 0 })),
      approvalId: approval.approvalId,
      approvedBy: approval.approvedBy,
    },
  };
}

/** Voiding is a sealed technical event carrying what was on the cart and who approved; nothing is deleted. */
export async function voidSale(): Promise<void> {
  const { cart, status } = useCartStore.getState();
  const app = useAppStore.getState();
  if (cart.lines.length === 0 || refuseWhileSealingStopped()) return;
  if (status !== 'selling' || useCartStore.getState().tenders.some((t) => t.method === 'card' && t.status !== 'declined')) {
    return app.notify('warning', 'sale.locked');
  }
  const confirmed = await ask({ kind: 'confirm-void' });
  if (confirmed?.kind !== 'confirmed') return;
  const grant = await approve('sale.void', 'actions.voidSale', { saleId: cart.id });
  if (!grant) return;
  const { bridge, db, profile } = services();
  const request = voidRequest(cart, grant);
  await rememberVoid(request);
  try {
    await bridge.invoke('fiscal.seal', request);
    await forgetVoid(cart.id);
  } catch (error) {
    // A lost answer: the void may be sealed, and retrying its id cannot seal it twice, so the
    // cashier goes on while the till makes sure of it (also after a reload: it is remembered).
    if (isOutcomeUnknown(error)) {
      // Parked meanwhile: removed once the void is sealed, found among parked sales if it is refused.
      await persistCart();
      await (await db.docs.carts.findOne(cart.id).exec())?.patch({ status: 'parked', updatedAt: new Date().toISOString() });
      void confirmVoid(request, cart.id).catch(() => undefined);
      cartActions.start(currentStaffId(), profile.currency);
      app.setPanel('search');
      return app.notify('success', 'voided');
    }
    await forgetVoid(cart.id);
    if (!alreadyVoided(error)) return notifyError(error);
  }
  await (await db.docs.carts.findOne(cart.id).exec())?.remove();
  cartActions.start(currentStaffId(), profile.currency);
  app.setPanel('search');
  app.notify('success', 'voided');
  void mirrorJournal(db.docs, bridge, 'event').catch(() => undefined);
}
