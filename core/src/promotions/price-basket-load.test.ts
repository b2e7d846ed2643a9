import { describe, expect, it } from 'vitest';
import { promotionLoad } from '../test-support/promotion-load';
import { pricingContext, sampleLine, samplePromotion } from '../test-support/promotion-samples';
import type { Basket } from './basket';
import { compilePromotions, type CompiledPromotions } from './compile-promotions';
import { priceBasket } from './price-basket';

const context = pricingContext();

/** Median wall time of pricing a basket, in ms, over rounds of `perRound` pricings (Date.now counts whole ms). */
function medianMs(basket: Basket, promotions: CompiledPromotions, rounds: number, perRound: number): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = Date.now();
    for (let k = 0; k < perRound; k++) priceBasket(basket, promotions, context);
    times.push((Date.now() - started) / perRound);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(rounds / 2)] ?? 0;
}

/**
 * The load: 1,000 active promotions, a 30-line basket. Not a benchmark (`basket_pricing_ms`
 * measures the 5 ms goal): a guard that the search stays bounded, never exponential in the rules, and
 * that a real-sized set gives the same prices in any order.
 */
describe('priceBasket under a chain-sized promotion set', () => {
  const load = promotionLoad(1);
  const basket: Basket = { currency: 'EUR', lines: load.lines };

  it('costs a bounded multiple of a three-line basket, whatever else the machine runs', { timeout: 30_000 }, () => {
    const compiled = compilePromotions(load.promotions);
    expect(compiled.promotions).toHaveLength(1_000);
    const small: Basket = {
      currency: 'EUR',
      lines: [sampleLine('a', 'P1', 1_000, 3), sampleLine('b', 'P2', 500, 2), sampleLine('c', 'P3', 700)],
    };
    const three = compilePromotions([
      samplePromotion('pct', { type: 'percent-off', target: { productIds: ['P1'] }, bp: 1_000 }),
      samplePromotion('b2g1', { type: 'buy-get', target: { productIds: ['P1'] }, buyQuantity: 2, getQuantity: 1, bp: 10_000 }),
      samplePromotion('cart', { type: 'cart-percent-off', bp: 500 }),
    ]);
    // Measured side by side, so a busy machine slows both; the large basket does about 60 times the
    // work of the small one today, an exponential search thousands of times.
    const reference = Math.max(medianMs(small, three, 5, 100), 0.01);
    expect(medianMs(basket, compiled, 3, 3)).toBeLessThan(reference * 400);
  });

  it('gives the same prices in any order of lines and rules', () => {
    const first = priceBasket(basket, compilePromotions(load.promotions), context);
    expect(first.applied.length).toBeGreaterThan(5);
    const reversed = priceBasket(
      { currency: 'EUR', lines: [...load.lines].reverse() },
      compilePromotions([...load.promotions].reverse()),
      context,
    );
    expect(reversed.lines.map((l) => l.net).reverse()).toEqual(first.lines.map((l) => l.net));
    expect(reversed.applied).toEqual(first.applied);
    expect(reversed.rejected).toEqual(first.rejected);
  });
});
