import { PosError, type CartCoupon, type CouponHeld } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { cartActions, useCartStore } from '../../state/cart-store';
import { services } from '../../state/services';

/** The words of a coupon the host or the hub refused (or of the hub away), as a dictionary key. */
export function couponFailureKey(error: unknown): string {
  if (!(error instanceof PosError)) return 'coupons.refused.other';
  if (error.code === 'NOT_ENROLLED') return 'coupons.notEnrolled';
  const hubCode = error.details?.hubCode;
  if (typeof hubCode === 'string') return `coupons.refused.${hubCode}`;
  return 'coupons.refused.other';
}

/** The cart's form of a code the host holds for it. */
export function cartCoupon(held: CouponHeld): CartCoupon {
  return {
    code: held.code,
    promotionId: held.promotionId,
    ...(held.reservationId !== undefined ? { reservationId: held.reservationId } : {}),
    ...(held.offline ? { offline: true as const } : {}),
  };
}

/**
 * Asks the host to hold `code` for the open cart (reserved at the hub; offline, a code of the
 * till's block), for the customer attached when there is one. Throws what the host refused.
 */
export async function reserveCoupon(code: string): Promise<CouponHeld> {
  const { cart } = useCartStore.getState();
  return services().bridge.invoke('coupons.reserve', {
    saleId: cart.id,
    code,
    ...(cart.customer ? { customerId: cart.customer.id } : {}),
  });
}

/** Gives a coupon back and takes it out of the cart (priced again without it). */
export async function removeCoupon(code: string): Promise<void> {
  const { cart } = useCartStore.getState();
  await services().bridge.invoke('coupons.release', { saleId: cart.id, code });
  cartActions.removeCoupon(code);
  useAppStore.getState().notify('info', 'coupons.removed', { code });
}

/** Coupon (Alt+C): a code typed or scanned in the dialog, held by the host, then the cart is priced with its promotion. */
export async function presentCoupon(): Promise<void> {
  const result = await ask({ kind: 'coupon' });
  if (result?.kind !== 'coupon') return;
  cartActions.addCoupon(cartCoupon(result.coupon));
  const { cart } = useCartStore.getState();
  const gives = cart.promotions?.some((p) => p.source === 'coupon' && p.sourceId === result.coupon.promotionId);
  const key = !gives ? 'coupons.noDiscount' : result.coupon.offline ? 'coupons.addedOffline' : 'coupons.added';
  useAppStore.getState().notify('info', key, { code: result.coupon.code });
}
