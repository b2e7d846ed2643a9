import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartTotals } from '../cart/totals';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { cartArb } from '../test-support/arbitraries';
import { demoSaleContext } from '../test-support/sample-sale';
import { buildSale, SaleNotPaidError } from './sale';
import type { SaleProblem } from './sale-problems';
import { validateSale, validateVoid } from './validate-sale';

const words = (problems: readonly SaleProblem[]) => problems.map((p) => p.message).join('; ');

const store = demoStoreProfile();
const ctx = demoSaleContext({}, store);

describe('buildSale and validateSale', () => {
  it('property: a paid cart builds a sale the host accepts', () => {
    fc.assert(
      fc.property(cartArb, fc.integer({ min: 0, max: 10_000 }), (cart, extra) => {
        const total = cartTotals(cart, store.vatRates).total;
        fc.pre(total > 0);
        const cash = cashTender('t1', total, [], total + extra, store.cashRounding);
        const sale = buildSale(cart, [cash], ctx);
        expect(sale.total).toBe(total);
        expect(sale.change).toBe(extra);
        expect(validateSale(sale, store)).toEqual([]);
      }),
    );
  });

  it('refuses an unpaid sale', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const total = cartTotals(cart, store.vatRates).total;
        fc.pre(total > 1);
        const cash = cashTender('t1', total, [], total - 1, store.cashRounding);
        expect(() => buildSale(cart, [cash], ctx)).toThrow(SaleNotPaidError);
      }),
      { numRuns: 30 },
    );
  });

  it('finds tampered figures, foreign stores and unknown rates', () => {
    const cart = fc.sample(cartArb, { numRuns: 1, seed: 7 })[0]!;
    const total = cartTotals(cart, store.vatRates).total;
    const sale = buildSale(cart, [cashTender('t1', total, [], total + 100, store.cashRounding)], ctx);
    expect(words(validateSale({ ...sale, total: sale.total + 1 }, store))).toMatch(/total/);
    expect(words(validateSale({ ...sale, storeId: 'S999' }, store))).toMatch(/not this till's store/);
    expect(words(validateSale({ ...sale, lines: sale.lines.map((l) => ({ ...l, vatRateId: 'XX' })) }, store))).toMatch(
      /VAT rate XX is not in force/,
    );
    expect(words(validateSale({ ...sale, change: 0 }, store))).toMatch(/change/);
    expect(words(validateSale({ ...sale, lines: [] }, store))).toMatch(/a sale has at least one line/);
  });

  it('judges a sale read back from storage with its keys in another order (the hub’s jsonb) by its values alone', () => {
    const cart = fc.sample(cartArb, { numRuns: 1, seed: 5 })[0]!;
    const total = cartTotals(cart, store.vatRates).total;
    const sale = buildSale(cart, [cashTender('t1', total, [], total, store.cashRounding)], ctx);
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const readBack = reversed(sale) as typeof sale;
    expect(Object.keys(readBack.vat[0]!)).not.toEqual(Object.keys(sale.vat[0]!));
    expect(validateSale(readBack, store)).toEqual([]);
    expect(words(validateSale({ ...readBack, vat: readBack.vat.map((v) => ({ ...v, vat: v.vat + 1 })) }, store))).toMatch(/VAT breakdown/);
  });

  it('seals a card approved offline as such, and nothing but true or false in that mark', () => {
    const cart = fc.sample(cartArb, { numRuns: 1, seed: 11 })[0]!;
    const total = cartTotals(cart, store.vatRates).total;
    const card = { id: 'c1', method: 'card', amount: total, status: 'approved', attemptKey: 'k1', offline: true } as const;
    const sale = buildSale(cart, [card], ctx);
    expect(validateSale(sale, store)).toEqual([]);
    const marked = { ...sale, tenders: [{ ...card, offline: 'yes' as unknown as boolean }] };
    expect(words(validateSale(marked, store))).toMatch(/offline must be true or false/);
  });

  it('refuses malformed sales and any field it does not know, so no personal data rides along', () => {
    const cart = fc.sample(cartArb, { numRuns: 1, seed: 9 })[0]!;
    const total = cartTotals(cart, store.vatRates).total;
    const sale = buildSale(cart, [cashTender('t1', total, [], total, store.cashRounding)], ctx);
    const hostile = (value: unknown) => words(validateSale(value as typeof sale, store));
    expect(hostile({ ...sale, customerEmail: 'jane@example.com' })).toMatch(/sale.customerEmail is not a known field/);
    expect(hostile({ ...sale, lines: [{ ...sale.lines[0]!, note: 'Mme Dupont' }] })).toMatch(/sale.lines\[0\].note is not a known field/);
    expect(hostile({ ...sale, lines: [null] })).toMatch(/sale.lines\[0\] must be an object/);
    expect(hostile({ ...sale, tenders: [null] })).toMatch(/sale.tenders\[0\].method must be one of cash, card/);
    expect(hostile({ ...sale, total: '12' })).toMatch(/sale.total must be a whole number/);
    expect(hostile(null)).toMatch(/sale must be an object/);
    expect(hostile([])).toMatch(/sale must be an object/);
  });

  it('checks voids: shape, staff and currency', () => {
    const ok = {
      type: 'sale.void' as const,
      saleId: 's1',
      staffId: 'staff-camille',
      lineCount: 1,
      total: 120,
      currency: 'EUR',
      lines: [{ sku: 'A', quantity: 1, amount: 120 }],
      approvalId: 'a1',
      approvedBy: 'staff-camille',
    };
    expect(validateVoid(ok, 'staff-camille', 'EUR')).toEqual([]);
    expect(words(validateVoid({ ...ok, staffId: 'staff-sophie' }, 'staff-camille', 'EUR'))).toMatch(/signed-in/);
    expect(words(validateVoid({ type: 'sale.void' } as never, 'staff-camille', 'EUR'))).toMatch(/missing/);
    expect(words(validateVoid({ ...ok, total: 'lots' } as never, 'staff-camille', 'EUR'))).toMatch(/total must be a whole number/);
    expect(words(validateVoid({ ...ok, currency: 'USD' }, 'staff-camille', 'EUR'))).toMatch(/currency/);
  });
});
