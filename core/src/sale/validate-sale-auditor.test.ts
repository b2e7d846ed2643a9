import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartTotals } from '../cart/totals';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import type { CardTender, CashTender, Tender } from '../payment/tender';
import { validateTenders } from '../payment/validate-tenders';
import { vatRatesAt } from '../tax/vat-rate';
import { cartArb } from '../test-support/arbitraries';
import { demoSaleContext } from '../test-support/sample-sale';
import { buildSale, type SalePayload } from './sale';
import { validateSale } from './validate-sale';

/** The sales an auditor forged against the host: each one must be refused, with its code. */
const store = demoStoreProfile();
const ctx = demoSaleContext({}, store);
const cart = fc.sample(cartArb, { numRuns: 1, seed: 21 })[0]!;
const total = cartTotals(cart, store.vatRates).total;
const paid = buildSale(cart, [cashTender('t1', total, [], total + 500, store.cashRounding)], ctx);
const codes = (sale: SalePayload, rules = store) => validateSale(sale, rules).map((p) => p.code);
const card = (amount: number, status: CardTender['status'] = 'approved'): CardTender => ({
  id: `c${amount}`,
  method: 'card',
  amount,
  status,
  attemptKey: `k${amount}`,
});

describe('validateSale: forged payments', () => {
  it('refuses a sale "paid" entirely by a cash rounding adjustment', () => {
    const forged: CashTender = { id: 't', method: 'cash', amount: 0, tendered: 0, change: 0, rounding: total };
    expect(codes({ ...paid, tenders: [forged], change: 0, cashRounding: total })).toEqual(
      expect.arrayContaining(['tender', 'cash-rounding']),
    );
    // Even where the store rounds cash, the adjustment is at most half the smallest coin.
    const rounding = { ...store, cashRounding: { step: 5 } };
    const big: CashTender = { id: 't', method: 'cash', amount: total - 40, tendered: total - 40, change: 0, rounding: 40 };
    expect(codes({ ...paid, tenders: [big], change: 0, cashRounding: 40 }, rounding)).toContain('cash-rounding');
  });

  it('refuses a cash tender with nothing tendered and 50 € of change', () => {
    const forged: CashTender = { id: 't', method: 'cash', amount: total, tendered: 0, change: 5000, rounding: 0 };
    expect(codes({ ...paid, tenders: [forged], change: 5000, cashRounding: 0 })).toContain('tender');
  });

  it('refuses cards paying more than the total, and a sale still waiting on an unknown card', () => {
    expect(codes({ ...paid, tenders: [card(total + 100)], change: 0 })).toContain('card-overpay');
    expect(codes({ ...paid, tenders: [card(total, 'unknown')], change: 0 })).toContain('card-unknown');
    expect(codes({ ...paid, tenders: [card(total), card(1)], change: 0 })).toContain('tender');
  });

  it('refuses change given with a card, or change and rounding that are not the tenders’', () => {
    expect(codes({ ...paid, change: 999 })).toContain('payment');
    expect(codes({ ...paid, cashRounding: 3 })).toContain('payment');
  });

  it('refuses every invented line figure, not only the net', () => {
    for (const field of ['gross', 'lineDiscount', 'cartDiscountShare', 'rateBp'] as const) {
      const lines = paid.lines.map((l, i) => (i === 0 ? { ...l, [field]: l[field] + 1 } : l));
      expect(codes({ ...paid, lines }), field).toEqual(expect.arrayContaining([field === 'rateBp' ? 'vat-rate' : 'line-figures']));
    }
  });

  it('property: any tenders built by the till validate; any tampered amount does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(1, 5, 10),
        fc.integer({ min: 1, max: 1000 }),
        (sum, cardPart, extra, step, tamper) => {
          const rounding = { step };
          const cardAmount = Math.min(cardPart, sum - 1);
          const tenders: Tender[] = cardAmount > 0 ? [card(cardAmount)] : [];
          const remaining = sum - cardAmount;
          fc.pre(remaining >= step);
          const cash = cashTender('c', sum, tenders, remaining + step + extra, rounding);
          expect(validateTenders(sum, [...tenders, cash], rounding)).toEqual([]);
          expect(validateTenders(sum, [...tenders, { ...cash, change: cash.change + tamper }], rounding)).not.toEqual([]);
          expect(validateTenders(sum, [...tenders, { ...cash, amount: cash.amount - tamper }], rounding)).not.toEqual([]);
          expect(validateTenders(sum + tamper, [...tenders, cash], rounding)).not.toEqual([]);
        },
      ),
    );
  });
});

describe('validateSale: VAT rates with effective dates', () => {
  const change = '2027-01-01T00:00:00.000Z';
  const rates = [
    ...store.vatRates.filter((r) => r.id !== 'FR-20'),
    { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %', validUntil: change },
    { id: 'FR-20', rateBp: 2100, code: 'D', label: 'TVA 21 %', validFrom: change },
  ];
  const rules = { ...store, vatRates: rates };
  const line = cart.lines.map((l) => ({ ...l, vatRateId: 'FR-20' }));
  const at = (completedAt: string) => {
    const c = { ...cart, lines: line };
    const t = cartTotals(c, vatRatesAt(rates, completedAt)).total;
    return buildSale(c, [cashTender('t', t, [], t, store.cashRounding)], { ...ctx, vatRates: rates, completedAt });
  };

  it('applies a rate change to sales completed after it, never before', () => {
    const before = at('2026-12-31T23:59:59.000Z');
    const after = at('2027-01-01T00:00:01.000Z');
    expect(before.lines[0]!.rateBp).toBe(2000);
    expect(after.lines[0]!.rateBp).toBe(2100);
    expect(validateSale(before, rules)).toEqual([]);
    expect(validateSale(after, rules)).toEqual([]);
    // The same sale claimed a second later or earlier is refused: its rate is not the one in force.
    expect(validateSale({ ...before, completedAt: '2027-01-01T00:00:01.000Z' }, rules).map((p) => p.code)).toContain('vat-rate');
  });
});
