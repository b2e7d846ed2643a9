import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRENCH_VAT_RATES } from '../demo/demo-store';
import { cartArb } from '../test-support/arbitraries';
import type { Cart, CartLine } from './cart';
import { cartTotals, lineGross } from './totals';

const line = (over: Partial<CartLine> & { lineId: string }): CartLine => ({
  productId: `p-${over.lineId}`,
  sku: over.lineId,
  name: over.lineId,
  vatRateId: 'FR-20',
  measure: 'unit',
  unitPrice: 100,
  quantity: 1,
  ...over,
});

const cart = (lines: CartLine[], cartDiscountBp?: number): Cart => ({
  id: 's',
  currency: 'EUR',
  startedAt: '2026-01-01T00:00:00Z',
  lines,
  ...(cartDiscountBp ? { cartDiscountBp } : {}),
});

describe('cartTotals', () => {
  it('prices pieces, weights and labels', () => {
    expect(lineGross(line({ lineId: 'a', unitPrice: 250, quantity: 3 }))).toBe(750);
    // 532 g at 2.99 €/kg = 1.59068 € → 1.59 €
    expect(lineGross(line({ lineId: 'b', measure: 'weight', unitPrice: 299, quantity: 532 }))).toBe(159);
    // 500 g at 0.99 €/kg = 0.495 € → half away from zero → 0.50 €
    expect(lineGross(line({ lineId: 'c', measure: 'weight', unitPrice: 99, quantity: 500 }))).toBe(50);
    expect(lineGross(line({ lineId: 'd', measure: 'weight', unitPrice: 1999, quantity: 300, labelAmount: 612 }))).toBe(612);
  });

  it('applies line and cart discounts and splits VAT per rate', () => {
    const totals = cartTotals(
      cart(
        [
          line({ lineId: 'a', unitPrice: 1200, quantity: 1, vatRateId: 'FR-20', discount: { kind: 'percent', bp: 1000 } }),
          line({ lineId: 'b', unitPrice: 211, quantity: 2, vatRateId: 'FR-5.5' }),
        ],
        500,
      ),
      FRENCH_VAT_RATES,
    );
    // a: 12.00 − 1.20 = 10.80; b: 4.22; subtotal 15.02; cart 5 % = 0.751 → 0.75
    expect(totals.subtotal).toBe(1502);
    expect(totals.cartDiscount).toBe(75);
    expect(totals.total).toBe(1427);
    expect(totals.lines.map((l) => l.net).reduce((a, b) => a + b)).toBe(1427);
    const d = totals.vat.find((v) => v.vatRateId === 'FR-20');
    const b = totals.vat.find((v) => v.vatRateId === 'FR-5.5');
    expect(d).toMatchObject({ inclusive: totals.lines[0]?.net, code: 'D' });
    expect(b?.base).toBe(Math.round(((totals.lines[1]?.net ?? 0) * 10000) / 10550));
  });

  it('never discounts a line below zero', () => {
    const totals = cartTotals(cart([line({ lineId: 'a', unitPrice: 100, discount: { kind: 'amount', amount: 500 } })]), FRENCH_VAT_RATES);
    expect(totals.total).toBe(0);
  });

  it('property: the total is the sum of the line nets', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const t = cartTotals(c, FRENCH_VAT_RATES);
        expect(t.lines.reduce((a, l) => a + l.net, 0)).toBe(t.total);
        expect(t.subtotal - t.cartDiscount).toBe(t.total);
        for (const l of t.lines) expect(l.net).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('property: VAT base + VAT = inclusive total per rate, and the rates add up to the total', () => {
    fc.assert(
      fc.property(cartArb, (c) => {
        const t = cartTotals(c, FRENCH_VAT_RATES);
        for (const row of t.vat) expect(row.base + row.vat).toBe(row.inclusive);
        expect(t.vat.reduce((a, r) => a + r.inclusive, 0)).toBe(t.total);
        for (const rate of new Set(c.lines.map((l) => l.vatRateId))) {
          const inclusive = t.lines.filter((_, i) => c.lines[i]?.vatRateId === rate).reduce((a, l) => a + l.net, 0);
          expect(t.vat.find((r) => r.vatRateId === rate)?.inclusive).toBe(inclusive);
        }
      }),
    );
  });

  it('property: no amount changes when lines are reordered', () => {
    fc.assert(
      fc.property(
        cartArb.chain((c) =>
          fc.tuple(fc.constant(c), fc.shuffledSubarray([...c.lines], { minLength: c.lines.length, maxLength: c.lines.length })),
        ),
        ([c, shuffled]) => {
          const a = cartTotals(c, FRENCH_VAT_RATES);
          const b = cartTotals({ ...c, lines: shuffled }, FRENCH_VAT_RATES);
          expect(b.total).toBe(a.total);
          expect(b.cartDiscount).toBe(a.cartDiscount);
          expect(b.vat).toEqual(a.vat);
          const byId = new Map(a.lines.map((l) => [l.lineId, l]));
          for (const l of b.lines) expect(l).toEqual(byId.get(l.lineId));
        },
      ),
    );
  });
});
