import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartTotals } from '../cart/totals';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { cartArb } from '../test-support/arbitraries';
import { buildSale, SaleNotPaidError, type SaleContext } from './sale';
import { validateSale } from './validate-sale';

const store = demoStoreProfile();
const ctx: SaleContext = {
  storeId: store.storeId,
  tillId: store.tillId,
  staffId: 'staff-camille',
  completedAt: '2026-11-22T10:05:00.000Z',
  vatRates: store.vatRates,
  cashRounding: store.cashRounding,
};

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
    expect(validateSale({ ...sale, total: sale.total + 1 }, store).join()).toMatch(/total/);
    expect(validateSale({ ...sale, storeId: 'S999' }, store).join()).toMatch(/not this till's store/);
    expect(validateSale({ ...sale, lines: sale.lines.map((l) => ({ ...l, vatRateId: 'XX' })) }, store).join()).toMatch(/unknown VAT rate/);
    expect(validateSale({ ...sale, change: 0 }, store).join()).toMatch(/change/);
    expect(validateSale({ ...sale, lines: [] }, store).join()).toMatch(/at least one line/);
  });
});
