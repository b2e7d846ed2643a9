import { roundCash, type CashRounding } from '../money/cash-rounding';
import { tenderCounts, type CashTender, type Tender } from './tender';

export type PaymentState = {
  readonly total: number;
  /** Settled by cash and approved cards, including any cash-rounding adjustment. */
  readonly settled: number;
  readonly remaining: number;
  /** What the customer must hand over to finish in cash (rounded to the smallest coin). */
  readonly cashDue: number;
  readonly change: number;
  readonly hasUnknownCard: boolean;
  readonly complete: boolean;
};

export function paymentState(total: number, tenders: readonly Tender[], rounding: CashRounding): PaymentState {
  const settled = tenders.filter(tenderCounts).reduce((acc, t) => acc + t.amount + (t.method === 'cash' ? t.rounding : 0), 0);
  const remaining = total - settled;
  const hasUnknownCard = tenders.some((t) => t.method === 'card' && t.status === 'unknown');
  return {
    total,
    settled,
    remaining,
    cashDue: roundCash(remaining, rounding),
    change: tenders.reduce((acc, t) => acc + (t.method === 'cash' ? t.change : 0), 0),
    hasUnknownCard,
    complete: remaining === 0 && !hasUnknownCard,
  };
}

export class PaymentError extends Error {
  constructor(
    readonly code: 'nothing-due' | 'invalid-amount' | 'card-overpay' | 'unknown-card-pending',
    message: string,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}

/**
 * Cash settles what it can: the whole (rounded) remainder with change back, or part of it when the
 * customer hands over less (split tender).
 */
export function cashTender(id: string, total: number, tenders: readonly Tender[], tendered: number, rounding: CashRounding): CashTender {
  const state = paymentState(total, tenders, rounding);
  // An unknown card may turn out approved: taking cash first could overpay the sale.
  if (state.hasUnknownCard) throw new PaymentError('unknown-card-pending', 'A card payment has an unknown outcome: settle it first');
  if (state.remaining <= 0) throw new PaymentError('nothing-due', 'Nothing is left to pay');
  if (!Number.isSafeInteger(tendered) || tendered <= 0) throw new PaymentError('invalid-amount', 'Enter the amount received');
  if (tendered >= state.cashDue) {
    return {
      id,
      method: 'cash',
      amount: state.cashDue,
      tendered,
      change: tendered - state.cashDue,
      rounding: state.remaining - state.cashDue,
    };
  }
  return { id, method: 'cash', amount: tendered, tendered, change: 0, rounding: 0 };
}

/** A card is never charged more than what is left to pay: change is only ever given in cash. */
export function assertCardAmount(total: number, tenders: readonly Tender[], amount: number, rounding: CashRounding): void {
  const state = paymentState(total, tenders, rounding);
  if (state.hasUnknownCard) {
    throw new PaymentError('unknown-card-pending', 'A card payment has an unknown outcome: settle it first');
  }
  if (state.remaining <= 0) throw new PaymentError('nothing-due', 'Nothing is left to pay');
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new PaymentError('invalid-amount', 'Enter the card amount');
  if (amount > state.remaining) {
    throw new PaymentError('card-overpay', 'A card cannot pay more than the amount due');
  }
}
