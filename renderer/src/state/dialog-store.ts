import type { CartCustomer, CartReward, CouponHeld, SaleVoucher } from '@pos/core';
import { create } from 'zustand';
import type { Message } from './app-store';

/**
 * One modal at a time, asked for as a promise: `const v = await ask({ kind: 'quantity', … })`.
 * Resolves to null when the cashier cancels.
 */
export type DialogRequest =
  | { readonly kind: 'quantity'; readonly name: string; readonly initial: number; readonly max: number }
  | { readonly kind: 'weight'; readonly name: string }
  | { readonly kind: 'line-discount'; readonly name: string; readonly hasDiscount: boolean }
  | { readonly kind: 'cart-discount'; readonly hasDiscount: boolean }
  | { readonly kind: 'price-override'; readonly name: string; readonly current: number }
  /**
   * `error`: why the PIN typed before was not accepted (asked again, so they may retry or cancel).
   * `lockedUntil`: too many wrong PINs, on the page's clock; the dialog counts the time down.
   */
  | { readonly kind: 'manager'; readonly actionKey: string; readonly error?: Message; readonly lockedUntil?: number }
  | { readonly kind: 'confirm-void' }
  | { readonly kind: 'no-sale' }
  /** Who gets the credit for a line: one of `people`, or nobody but the cashier (null). */
  | {
      readonly kind: 'salesperson';
      readonly name: string;
      readonly current: string | null;
      readonly people: readonly { readonly id: string; readonly name: string }[];
    }
  /** The customer the sale is for: found at the hub, or created here (also offline); null removes the one attached. */
  | { readonly kind: 'customer'; readonly current: CartCustomer | null }
  /** A coupon code for the cart: held by the host (at the hub, or from the till's offline block) before the dialog answers. */
  | { readonly kind: 'coupon' }
  /** A gift card to sell or reload in the cart (online only). */
  | { readonly kind: 'gift-card' }
  /** A loyalty reward for the member attached, its points reserved by the host (online only). */
  | { readonly kind: 'reward' };

export type DialogResult =
  | { readonly kind: 'quantity'; readonly quantity: number }
  | { readonly kind: 'weight'; readonly grams: number }
  | { readonly kind: 'discount'; readonly discount: { kind: 'percent'; bp: number } | { kind: 'amount'; amount: number } | null }
  | { readonly kind: 'price'; readonly price: number; readonly reason: string }
  | { readonly kind: 'pin'; readonly pin: string }
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'no-sale'; readonly reason: string }
  | { readonly kind: 'salesperson'; readonly staffId: string | null }
  | { readonly kind: 'customer'; readonly customer: CartCustomer | null }
  | { readonly kind: 'coupon'; readonly coupon: CouponHeld }
  | { readonly kind: 'reward'; readonly reward: CartReward; readonly name: string }
  | { readonly kind: 'voucher'; readonly voucher: SaleVoucher };

type DialogState = {
  /** Changes with every request, so two dialogs of one kind in a row start fresh. */
  id: number;
  request: DialogRequest | null;
  resolve: ((result: DialogResult | null) => void) | null;
};

export const useDialogStore = create<DialogState>()(() => ({ id: 0, request: null, resolve: null }));

export function ask(request: DialogRequest): Promise<DialogResult | null> {
  useDialogStore.getState().resolve?.(null);
  return new Promise((resolve) => useDialogStore.setState((s) => ({ id: s.id + 1, request, resolve })));
}

export function answer(result: DialogResult | null): void {
  const { resolve } = useDialogStore.getState();
  useDialogStore.setState({ request: null, resolve: null });
  resolve?.(result);
}
