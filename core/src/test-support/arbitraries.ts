import fc from 'fast-check';
import type { Cart, CartLine, LineDiscount } from '../cart/cart';
import { FRENCH_VAT_RATES } from '../demo/demo-store';

/** fast-check generators for carts shaped like real ones (test code only). */
export const lineDiscountArb: fc.Arbitrary<LineDiscount | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 1, max: 10_000 }).map((bp) => ({ kind: 'percent' as const, bp })),
  fc.integer({ min: 1, max: 50_000 }).map((amount) => ({ kind: 'amount' as const, amount })),
);

export const cartLineArb = (lineId: string): fc.Arbitrary<CartLine> =>
  fc
    .record({
      measure: fc.constantFrom<'unit' | 'weight'>('unit', 'weight'),
      unitPrice: fc.integer({ min: 0, max: 500_000 }),
      pieces: fc.integer({ min: 1, max: 50 }),
      grams: fc.integer({ min: 1, max: 99_999 }),
      labelAmount: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
      vatRateId: fc.constantFrom(...FRENCH_VAT_RATES.map((r) => r.id)),
      discount: lineDiscountArb,
    })
    .map((r) => ({
      lineId,
      productId: `p-${lineId}`,
      sku: `SKU-${lineId}`,
      name: `Product ${lineId}`,
      vatRateId: r.vatRateId,
      measure: r.measure,
      unitPrice: r.unitPrice,
      quantity: r.measure === 'unit' ? r.pieces : r.grams,
      ...(r.measure === 'weight' && r.labelAmount !== undefined ? { labelAmount: r.labelAmount } : {}),
      ...(r.discount ? { discount: r.discount } : {}),
    }));

export const cartArb: fc.Arbitrary<Cart> = fc
  .record({
    count: fc.integer({ min: 1, max: 12 }),
    cartDiscountBp: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  })
  .chain(({ count, cartDiscountBp }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => cartLineArb(`l${String(i).padStart(2, '0')}`))).map((lines) => ({
      id: 'sale-1',
      currency: 'EUR',
      startedAt: '2026-11-22T10:00:00.000Z',
      lines,
      ...(cartDiscountBp ? { cartDiscountBp } : {}),
    })),
  );
