import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_CASH_ROUNDING } from '../money/cash-rounding';
import { assertCardAmount, cashTender, PaymentError, paymentState } from './payment-state';
import type { CardTender, Tender } from './tender';

const card = (amount: number, status: CardTender['status'] = 'approved'): CardTender => ({
  id: `c${amount}${status}`,
  method: 'card',
  amount,
  status,
  attemptKey: `k${amount}`,
});

describe('payment', () => {
  it('gives change on cash over the amount due', () => {
    const t = cashTender('t1', 1234, [], 2000, NO_CASH_ROUNDING);
    expect(t).toMatchObject({ amount: 1234, tendered: 2000, change: 766, rounding: 0 });
    expect(paymentState(1234, [t], NO_CASH_ROUNDING)).toMatchObject({ remaining: 0, complete: true, change: 766 });
  });

  it('splits card then cash', () => {
    const tenders: Tender[] = [card(1000)];
    expect(paymentState(1234, tenders, NO_CASH_ROUNDING).remaining).toBe(234);
    const cash = cashTender('t2', 1234, tenders, 500, NO_CASH_ROUNDING);
    expect(cash.change).toBe(266);
    expect(paymentState(1234, [...tenders, cash], NO_CASH_ROUNDING).complete).toBe(true);
  });

  it('takes partial cash and leaves the rest due', () => {
    const cash = cashTender('t1', 1234, [], 1000, NO_CASH_ROUNDING);
    expect(cash).toMatchObject({ amount: 1000, change: 0 });
    expect(paymentState(1234, [cash], NO_CASH_ROUNDING)).toMatchObject({ remaining: 234, complete: false });
  });

  it('refuses a card above the amount due, and any payment once paid', () => {
    expect(() => assertCardAmount(1000, [], 1001, NO_CASH_ROUNDING)).toThrow(PaymentError);
    expect(() => assertCardAmount(1000, [card(1000)], 1, NO_CASH_ROUNDING)).toThrow(/Nothing is left/);
    expect(() => cashTender('x', 1000, [card(1000)], 1, NO_CASH_ROUNDING)).toThrow(/Nothing is left/);
  });

  it('does not count declined cards and blocks on an unknown outcome', () => {
    expect(paymentState(1000, [card(1000, 'declined')], NO_CASH_ROUNDING)).toMatchObject({ remaining: 1000, complete: false });
    const unknown = paymentState(1000, [card(500, 'unknown'), card(500)], NO_CASH_ROUNDING);
    expect(unknown.hasUnknownCard).toBe(true);
    expect(unknown.complete).toBe(false);
    expect(() => assertCardAmount(1000, [card(500, 'unknown')], 500, NO_CASH_ROUNDING)).toThrow(/unknown outcome/);
    expect(() => cashTender('c', 1000, [card(500, 'unknown')], 500, NO_CASH_ROUNDING)).toThrow(/unknown outcome/);
  });

  it('rounds cash to the smallest coin when the store says so', () => {
    const rounding = { step: 5 };
    const t = cashTender('t', 1003, [], 2000, rounding);
    expect(t).toMatchObject({ amount: 1005, change: 995, rounding: -2 });
    expect(paymentState(1003, [t], rounding).complete).toBe(true);
  });

  it('property: change = tendered − due, and the sale is settled exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.constantFrom(1, 5, 10),
        (total, cardPart, extra, step) => {
          const rounding = { step };
          const cardAmount = Math.min(cardPart, total - 1);
          const tenders: Tender[] = cardAmount > 0 ? [card(cardAmount)] : [];
          const due = paymentState(total, tenders, rounding).cashDue;
          fc.pre(due > 0);
          const cash = cashTender('c', total, tenders, due + extra, rounding);
          expect(cash.change).toBe(cash.tendered - due);
          const state = paymentState(total, [...tenders, cash], rounding);
          expect(state.remaining).toBe(0);
          expect(state.complete).toBe(true);
        },
      ),
    );
  });
});
