import type { CashRounding } from '../money/cash-rounding';
import { paymentState, PaymentError } from './payment-state';
import type { StoredValueTender, StoredValueTenderMethod, Tender } from './tender';

/**
 * What a gift card or store credit may pay of this sale: all it holds, up to what is left. Asked
 * before reserving at the hub, so the reservation never holds more than the tender takes.
 */
export function storedValuePayable(total: number, tenders: readonly Tender[], available: number, rounding: CashRounding): number {
  const state = paymentState(total, tenders, rounding);
  // An unknown card may turn out approved: paying more first could overpay the sale.
  if (state.hasUnknownCard) throw new PaymentError('unknown-card-pending', 'A card payment has an unknown outcome: settle it first');
  if (state.remaining <= 0) throw new PaymentError('nothing-due', 'Nothing is left to pay');
  if (!Number.isSafeInteger(available) || available <= 0) throw new PaymentError('invalid-amount', 'The card holds nothing');
  return Math.min(available, state.remaining);
}

/** What the hub answered when it reserved an amount on a card for this sale. */
export type StoredValueReservation = {
  readonly method: StoredValueTenderMethod;
  readonly cardId: string;
  readonly reservationId: string;
  readonly maskedCode: string;
  readonly amount: number;
  /** What the card holds once this amount is spent, when the hub said. */
  readonly balanceAfter?: number;
  readonly offline?: boolean;
};

/** The tender a reservation pays: refused (card-overpay) if it holds more than what is left. */
export function storedValueTender(
  id: string,
  total: number,
  tenders: readonly Tender[],
  r: StoredValueReservation,
  rounding: CashRounding,
): StoredValueTender {
  if (r.amount > storedValuePayable(total, tenders, r.amount, rounding))
    throw new PaymentError('card-overpay', 'A card cannot pay more than the amount due');
  return {
    id,
    method: r.method,
    amount: r.amount,
    cardId: r.cardId,
    reservationId: r.reservationId,
    maskedCode: r.maskedCode,
    ...(r.balanceAfter !== undefined ? { balanceAfter: r.balanceAfter } : {}),
    ...(r.offline ? { offline: true } : {}),
  };
}
