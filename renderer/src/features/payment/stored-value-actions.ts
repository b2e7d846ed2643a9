import { PosError, storedValuePayable, storedValueTender, type StoredValueCardView, type StoredValueTender } from '@pos/core';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { cartActions, useCartStore } from '../../state/cart-store';
import { dueNow } from '../../state/rates-now';
import { services } from '../../state/services';
import { notifyPaymentError } from './payment-actions';

/** The words of a card the host or the hub refused, or of the hub away; null for any other error. */
export function storedValueErrorKey(error: unknown): { key: string; values?: Record<string, unknown> } | null {
  if (!(error instanceof PosError)) return null;
  if (error.code === 'HUB_UNREACHABLE') return { key: 'payment.storedValue.offline' };
  if (error.code === 'NOT_ENROLLED') return { key: 'payment.storedValue.notEnrolled' };
  const hubCode = error.details?.hubCode;
  if ((error.code === 'HUB_REFUSED' || error.code === 'INVALID_REQUEST') && typeof hubCode === 'string')
    return { key: `payment.storedValue.refused.${hubCode}`, values: { ...(error.details?.values as Record<string, unknown> | undefined) } };
  return null;
}

function notifyStoredValueError(error: unknown): void {
  const words = storedValueErrorKey(error);
  if (!words) return notifyError(error);
  const app = useAppStore.getState();
  // The hub's figures are minor units: the sentence says them as money.
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, services().profile.currency, intlLocale(app.locale)) : v);
  const values = Object.fromEntries(Object.entries(words.values ?? {}).map(([k, v]) => [k, money(v)]));
  app.notify('error', words.key, values);
}

/** A card's balance by its code (scanned or typed): null when refused, the notice says why. */
export async function lookupStoredValue(code: string): Promise<StoredValueCardView | null> {
  try {
    return await services().bridge.invoke('ledger.lookupCard', { code });
  } catch (error) {
    notifyStoredValueError(error);
    return null;
  }
}

/**
 * Pays what the card holds, up to what is left: the host reserves that amount at the hub (and
 * keeps the reservation) before the tender exists; the sale is complete if nothing is left.
 */
export async function payStoredValue(code: string, card: StoredValueCardView): Promise<boolean> {
  const { cart, tenders } = useCartStore.getState();
  const { profile, bridge } = services();
  const total = dueNow(cart, profile);
  try {
    if (card.status !== 'active') throw new PosError('HUB_REFUSED', card.status, { hubCode: `card_${card.status}` });
    const amount = storedValuePayable(total, tenders, card.available, profile.cashRounding);
    const reservation = await bridge.invoke('ledger.reserveCard', { saleId: cart.id, code, amount });
    const now = useCartStore.getState().tenders;
    const tender = storedValueTender(crypto.randomUUID(), total, now, reservation, profile.cashRounding);
    cartActions.setTenders([...now, tender]);
    cartActions.setStatus('paying');
    return true;
  } catch (error) {
    // An empty card is core's invalid amount: said as such.
    if ((error as { code?: string }).code === 'invalid-amount') useAppStore.getState().notify('error', 'payment.storedValue.empty');
    else notifyPaymentError(error, notifyStoredValueError);
    return false;
  }
}

/** The tender leaves the sale and its reservation goes back to the card (the host sends it later when offline). */
export async function releaseStoredValue(tender: StoredValueTender): Promise<void> {
  try {
    await services().bridge.invoke('ledger.release', { reservationId: tender.reservationId });
  } catch (error) {
    // The hub lets the reservation run out by itself; the tender still leaves the sale.
    if (!(error instanceof PosError) || error.code !== 'NOT_FOUND') notifyStoredValueError(error);
  }
}
