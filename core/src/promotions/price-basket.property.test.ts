import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basketLinesArb, promotionSetArb } from '../test-support/promotion-arbitraries';
import { pricingContext } from '../test-support/promotion-samples';
import type { Basket } from './basket';
import { checkPromotionDiscounts, promotionSaleDiscounts } from './check-promotion-discounts';
import { compilePromotions } from './compile-promotions';
import { priceBasket, type PricedBasket } from './price-basket';

const context = pricingContext({ couponCodes: ['save'] });

/** A basket, a promotion set, and a shuffle of each (random keys sorted). */
const caseArb = fc.record({ lines: basketLinesArb(), promotions: promotionSetArb() }).chain((c) =>
  fc.record({
    lines: fc.constant(c.lines),
    promotions: fc.constant(c.promotions),
    lineKeys: fc.array(fc.double({ noNaN: true }), { minLength: c.lines.length, maxLength: c.lines.length }),
    ruleKeys: fc.array(fc.double({ noNaN: true }), { minLength: c.promotions.length, maxLength: c.promotions.length }),
  }),
);

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}

/** Generous for a machine shared with the whole suite; unloaded, each property runs in about a second. */
const SLOW_MACHINE = { timeout: 30_000 };

const byLine = (priced: PricedBasket) => Object.fromEntries(priced.lines.map((l) => [l.lineId, l]));

describe('priceBasket properties', () => {
  it('keeps every line at or above zero, adds up, and names the rule of every discount', SLOW_MACHINE, () => {
    fc.assert(
      fc.property(caseArb, ({ lines, promotions }) => {
        const priced = priceBasket({ currency: 'EUR', lines }, compilePromotions(promotions), context);
        const versions = new Map(promotions.map((p) => [p.id, p.version]));
        for (const line of priced.lines) {
          const discounts = [...line.itemDiscounts, ...line.cartShares];
          expect(line.net).toBe(line.gross - line.discount);
          expect(line.discount).toBe(discounts.reduce((acc, d) => acc + d.amount, 0));
          if (line.gross > 0) expect(line.net).toBeGreaterThanOrEqual(0);
          else expect(line.discount).toBe(0);
          for (const d of discounts) {
            expect(Number.isSafeInteger(d.amount) && d.amount > 0).toBe(true);
            expect(versions.get(d.promotionId)).toBe(d.version);
          }
        }
        expect(priced.total).toBe(priced.lines.reduce((acc, l) => acc + l.net, 0));
        expect(priced.total).toBe(priced.subtotal - priced.discountTotal);
        expect(priced.applied.reduce((acc, a) => acc + a.amount, 0)).toBe(priced.discountTotal);
        const applied = new Set(priced.applied.map((a) => a.promotionId));
        expect(priced.rejected.filter((r) => applied.has(r.promotionId))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result whatever the order of the lines and of the promotions, and every time', SLOW_MACHINE, () => {
    fc.assert(
      fc.property(caseArb, ({ lines, promotions, lineKeys, ruleKeys }) => {
        const compiled = compilePromotions(promotions);
        const first = priceBasket({ currency: 'EUR', lines }, compiled, context);
        expect(priceBasket({ currency: 'EUR', lines }, compiled, context)).toEqual(first);
        const basket: Basket = { currency: 'EUR', lines: shuffled(lines, lineKeys) };
        const other = priceBasket(basket, compilePromotions(shuffled(promotions, ruleKeys)), context);
        expect(byLine(other)).toEqual(byLine(first));
        expect(other.applied).toEqual(first.applied);
        expect(other.rejected).toEqual(first.rejected);
        expect(other.total).toBe(first.total);
      }),
      { numRuns: 200 },
    );
  });

  it(
    'gives at least what any one of its promotions gives alone (which is then applied or outdone), and passes its own check',
    SLOW_MACHINE,
    () => {
      fc.assert(
        fc.property(caseArb, ({ lines, promotions }) => {
          const basket: Basket = { currency: 'EUR', lines };
          const compiled = compilePromotions(promotions);
          const priced = priceBasket(basket, compiled, context);
          const applied = new Set(priced.applied.map((a) => a.promotionId));
          const outdone = new Set(priced.rejected.filter((r) => r.reason === 'outdone').map((r) => r.promotionId));
          for (const promotion of promotions) {
            const alone = priceBasket(basket, compilePromotions([promotion]), context);
            expect(priced.discountTotal).toBeGreaterThanOrEqual(alone.discountTotal);
            if (alone.discountTotal > 0) expect(applied.has(promotion.id) || outdone.has(promotion.id)).toBe(true);
          }
          expect(checkPromotionDiscounts(basket, compiled, context, promotionSaleDiscounts(priced))).toEqual([]);
        }),
        { numRuns: 100 },
      );
    },
  );
});
