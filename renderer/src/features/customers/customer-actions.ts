import { ask } from '../../state/dialog-store';
import { cartActions, useCartStore } from '../../state/cart-store';

/** F11: the customer the sale is for, found or created in the dialog; attached to the open cart (also after its first items). */
export async function chooseCustomer(): Promise<void> {
  const result = await ask({ kind: 'customer', current: useCartStore.getState().cart.customer ?? null });
  if (result?.kind !== 'customer') return;
  cartActions.setCustomer(result.customer);
}
