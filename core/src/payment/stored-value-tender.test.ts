import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { NO_CASH_ROUNDING } from '../money/cash-rounding';
import { buildSale } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { demoSaleContext } from '../test-support/sample-sale';
import type { PaymentError } from './payment-state';
import { cashTender, paymentState } from './payment-state';
import { storedValuePayable, storedValueTender, type StoredValueReservation } from './stored-value-tender';
import type { StoredValueTender, Tender } from './tender';
import { validateTenders } from './validate-tenders';

const reservation = (amount: number, over: Partial<StoredValueReservation> = {}): StoredValueReservation => ({
  method: 'gift_card',
  cardId: 'card-1',
  reservationId: `r-${amount}`,
  maskedCode: '••••-••••-••••-••••-8NCA',
  amount,
  ...over,
});

describe('gift card and store credit tenders', () => {
  it('pays what the card holds, at most what is left', () => {
    expect(storedValuePayable(5000, [], 1200, NO_CASH_ROUNDING)).toBe(1200);
    expect(storedValuePayable(5000, [], 9000, NO_CASH_ROUNDING)).toBe(5000);
    const cash = cashTender('c', 5000, [], 4000, NO_CASH_ROUNDING);
    expect(storedValuePayable(5000, [cash], 9000, NO_CASH_ROUNDING)).toBe(1000);
  });

  it('refuses an empty card, a paid sale and an unknown card outcome', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as PaymentError).code;
      }
      return 'none';
    };
    expect(code(() => storedValuePayable(5000, [], 0, NO_CASH_ROUNDING))).toBe('invalid-amount');
    const paid = cashTender('c', 5000, [], 5000, NO_CASH_ROUNDING);
    expect(code(() => storedValuePayable(5000, [paid], 100, NO_CASH_ROUNDING))).toBe('nothing-due');
    const unknown: Tender = { id: 'k', method: 'card', amount: 100, status: 'unknown', attemptKey: 'k' };
    expect(code(() => storedValuePayable(5000, [unknown], 100, NO_CASH_ROUNDING))).toBe('unknown-card-pending');
    expect(code(() => storedValueTender('t', 5000, [], reservation(6000), NO_CASH_ROUNDING))).toBe('card-overpay');
  });

  it('counts toward the payment like cash, with no change', () => {
    const gift = storedValueTender('g', 5000, [], reservation(1200, { balanceAfter: 0 }), NO_CASH_ROUNDING);
    expect(gift).toMatchObject({ method: 'gift_card', amount: 1200, cardId: 'card-1', reservationId: 'r-1200', balanceAfter: 0 });
    const state = paymentState(5000, [gift], NO_CASH_ROUNDING);
    expect(state).toMatchObject({ remaining: 3800, change: 0, complete: false });
    const credit = storedValueTender(
      's',
      5000,
      [gift],
      reservation(3800, { method: 'store_credit', reservationId: 'r2' }),
      NO_CASH_ROUNDING,
    );
    expect(paymentState(5000, [gift, credit], NO_CASH_ROUNDING).complete).toBe(true);
    expect(validateTenders(5000, [gift, credit], NO_CASH_ROUNDING)).toEqual([]);
  });

  it('refuses a tender that pays more than was left, one of nothing, and one reservation paying twice', () => {
    const t = (amount: number, reservationId = `r${amount}`): StoredValueTender => ({
      id: `t${amount}${reservationId}`,
      method: 'gift_card',
      amount,
      cardId: 'card-1',
      reservationId,
      maskedCode: '8NCA',
    });
    expect(validateTenders(1000, [t(1500)], NO_CASH_ROUNDING).map((p) => p.code)).toEqual(['card-overpay']);
    expect(validateTenders(1000, [t(0), t(1000)], NO_CASH_ROUNDING).map((p) => p.code)).toEqual(['tender']);
    expect(validateTenders(1000, [t(500, 'same'), t(500, 'same')], NO_CASH_ROUNDING).map((p) => p.code)).toEqual(['tender']);
    expect(validateTenders(1000, [t(1000), t(1)], NO_CASH_ROUNDING).map((p) => p.code)).toEqual(['tender']);
  });

  it('seals in a sale the host and the hub accept, with its shape checked', () => {
    const store = demoStoreProfile();
    const cart = addProduct(emptyCart('sale-gift', 'EUR', '2026-11-22T09:00:00.000Z'), demoProduct(100), { lineId: 'l0' });
    const total = cartTotals(cart, store.vatRates).total;
    const gift = storedValueTender('g', total, [], reservation(total - 100), store.cashRounding);
    const cash = cashTender('c', total, [gift], 100, store.cashRounding);
    const sale = buildSale(cart, [gift, cash], demoSaleContext());
    expect(validateSale(sale, store)).toEqual([]);
    const forged = { ...sale, tenders: [{ ...gift, code: '7KQ2M9XD4HTRPZ3W8NCA' }, cash] } as typeof sale;
    expect(validateSale(forged, store).map((p) => p.code)).toEqual(['shape']);
  });

  it('refunds a return to store credit only for a member', () => {
    const store = demoStoreProfile();
    const cart = addProduct(emptyCart('ret', 'EUR', '2026-11-22T09:00:00.000Z'), demoProduct(100), { lineId: 'l0' });
    const total = cartTotals(cart, store.vatRates).total;
    const credit: StoredValueTender = {
      id: 's',
      method: 'store_credit',
      amount: total,
      cardId: 'c',
      reservationId: 'r',
      maskedCode: '8NCA',
    };
    const approval = { approvalId: 'a', approvedBy: 'staff-sophie' };
    const anonymous = buildSale(cart, [credit], demoSaleContext({ returnApproval: approval }));
    const codes = validateSale({ ...anonymous, kind: 'return' as const }, store).map((p) => p.code);
    expect(codes).toContain('return');
  });
});
