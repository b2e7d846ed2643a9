import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, setCartDiscount, setLineDiscount, setQuantity, type Cart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoProduct } from '../demo/demo-catalog';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { demoSaleContext } from '../test-support/sample-sale';
import { buildSale, type SalePayload } from './sale';
import { paidShare, returnCart } from './sale-return';
import { validateSale } from './validate-sale';

const store = demoStoreProfile();
const rules = { ...store, storeId: 'S001', tillId: 'T01', currency: 'EUR' };
const startedAt = '2026-11-22T09:00:00.000Z';
/** Demo products sold by the unit (a weighed line comes back whole, covered by the examples below). */
const PIECES = Array.from({ length: 300 }, (_, i) => i)
  .filter((i) => demoProduct(i).measure === 'unit')
  .slice(0, 40);

/** Cash for the total; nothing at all for a ticket discounted to zero. */
const cashFor = (total: number) => (total > 0 ? [cashTender('cash', total, [], total, store.cashRounding)] : []);

function paid(cart: Cart): SalePayload {
  return buildSale(cart, cashFor(cartTotals(cart, store.vatRates).total), demoSaleContext());
}

type LineSpec = { product: number; quantity: number; discount: { bp: number } | { off: number } | null };

const lineSpec: fc.Arbitrary<LineSpec> = fc.record({
  product: fc.constantFrom(...PIECES),
  quantity: fc.integer({ min: 1, max: 40 }),
  discount: fc.oneof(
    fc.constant(null),
    fc.record({ bp: fc.integer({ min: 1, max: 10_000 }) }),
    fc.record({ off: fc.integer({ min: 1, max: 1_000_000 }) }),
  ),
});

/** A sale of 1 to 5 lines, each maybe with its own discount, the ticket maybe with a discount (approvals as the host gives them). */
const discountedSale = fc
  .record({
    lines: fc.uniqueArray(lineSpec, { minLength: 1, maxLength: 5, selector: (l) => l.product }),
    cartBp: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
  })
  .map(({ lines, cartBp }) => {
    let cart = emptyCart('sold', 'EUR', startedAt);
    for (const [i, spec] of lines.entries()) {
      const lineId = `l${i}`;
      cart = setQuantity(addProduct(cart, demoProduct(spec.product), { lineId }), lineId, spec.quantity);
      const gross = demoProduct(spec.product).price * spec.quantity;
      if (spec.discount && 'bp' in spec.discount) cart = setLineDiscount(cart, lineId, { kind: 'percent', bp: spec.discount.bp });
      else if (spec.discount) cart = setLineDiscount(cart, lineId, { kind: 'amount', amount: Math.min(spec.discount.off, gross) });
    }
    return paid(cartBp > 0 ? setCartDiscount(cart, cartBp) : cart);
  });

/** Each line's quantity cut into the chunks successive returns take back (a return takes one chunk of some lines). */
function returnsOf(sale: SalePayload): fc.Arbitrary<{ lineId: string; quantity: number }[][]> {
  const cuts = sale.lines.map((line) =>
    fc.array(fc.integer({ min: 1, max: line.quantity }), { maxLength: line.quantity }).map((sizes) => {
      const chunks: number[] = [];
      let left = line.quantity;
      for (const size of sizes) {
        if (left === 0) break;
        const take = Math.min(size, left);
        chunks.push(take);
        left -= take;
      }
      if (left > 0) chunks.push(left);
      return chunks.map((quantity) => ({ lineId: line.lineId, quantity }));
    }),
  );
  return fc.tuple(...cuts).map((perLine) => {
    const rounds: { lineId: string; quantity: number }[][] = [];
    for (const chunks of perLine) for (const [j, chunk] of chunks.entries()) (rounds[j] ??= []).push(chunk);
    return rounds;
  });
}

describe('returns of discounted lines, property', () => {
  it('refund what was paid pro rata: never more at any point, exactly the total once everything came back', () => {
    fc.assert(
      fc.property(
        discountedSale.chain((sale) => fc.tuple(fc.constant(sale), returnsOf(sale), fc.boolean())),
        ([sale, rounds, stopEarly]) => {
          const returned = new Map<string, number>();
          const refunded = new Map<string, number>();
          const taken = stopEarly ? rounds.slice(0, Math.max(1, rounds.length - 1)) : rounds;
          for (const [n, round] of taken.entries()) {
            const chosen = new Map(round.map((r) => [r.lineId, r.quantity]));
            const list = [...returned].map(([lineId, quantity]) => ({ lineId, quantity }));
            const { cart, returnOf } = returnCart(sale, 'S001-T01-000001', list, chosen, { id: `back-${n}`, startedAt });
            const back = buildSale(
              cart,
              cashFor(cartTotals(cart, store.vatRates).total),
              demoSaleContext({ returnOf, completedAt: '2026-11-22T11:00:00.000Z' }),
            );
            // The host's check against the original accepts it.
            expect(validateSale(back, rules, { sale, returned: new Map(returned) })).toEqual([]);
            for (const line of back.lines) {
              expect(Number.isSafeInteger(line.net) && line.net >= 0).toBe(true);
              refunded.set(line.lineId, (refunded.get(line.lineId) ?? 0) + line.net);
              returned.set(line.lineId, (returned.get(line.lineId) ?? 0) + line.quantity);
            }
            // Never more than was paid, line by line and in all, at any point.
            for (const line of sale.lines) expect(refunded.get(line.lineId) ?? 0).toBeLessThanOrEqual(line.net);
            expect([...refunded.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(sale.total);
          }
          const all = sale.lines.every((l) => returned.get(l.lineId) === l.quantity);
          if (all) {
            for (const line of sale.lines) expect(refunded.get(line.lineId)).toBe(line.net);
            expect([...refunded.values()].reduce((a, b) => a + b, 0)).toBe(sale.total);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('paidShare', () => {
  it('gives the floor of the pro rata share, and the remainder to the last return', () => {
    const line = { quantity: 3, net: 1000 };
    expect([paidShare(line, 0, 1), paidShare(line, 1, 1), paidShare(line, 2, 1)]).toEqual([333, 333, 334]);
    expect(paidShare(line, 0, 3)).toBe(1000);
    expect(paidShare(line, 1, 2)).toBe(667);
    expect(paidShare({ quantity: 9_999, net: 999_999_999 }, 1, 9_997)).toBe(999_799_978);
  });
});
