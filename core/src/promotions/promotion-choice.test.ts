import { describe, expect, it } from 'vitest';
import { discountsByLine, priceWith, sampleLine, samplePromotion } from '../test-support/promotion-samples';
import type { Promotion } from './promotion';

const P1 = { productIds: ['P1'] };

describe('priceBasket: which promotions win', () => {
  it('two rules on the same items: the one that gives more, the other outdone', () => {
    const priced = priceWith(
      [sampleLine('a', 'P1', 1_000, 3)],
      [
        samplePromotion('pct', { type: 'percent-off', target: P1, bp: 2_000 }),
        samplePromotion('b2g1', { type: 'buy-get', target: P1, buyQuantity: 2, getQuantity: 1, bp: 10_000 }),
      ],
    );
    expect(priced.discountTotal).toBe(1_000);
    expect(priced.applied.map((a) => a.promotionId)).toEqual(['b2g1']);
    expect(priced.rejected).toEqual([{ promotionId: 'pct', version: 1, reason: 'outdone' }]);
  });

  it('rules share the items of a line: each takes the items that serve it best', () => {
    // 4 items: buy 2 get 1 free uses three; the fourth still gets 20 % off.
    const priced = priceWith(
      [sampleLine('a', 'P1', 1_000, 4)],
      [
        samplePromotion('pct', { type: 'percent-off', target: P1, bp: 2_000 }),
        samplePromotion('b2g1', { type: 'buy-get', target: P1, buyQuantity: 2, getQuantity: 1, bp: 10_000 }),
      ],
    );
    expect(priced.discountTotal).toBe(1_200);
    expect(priced.lines[0]?.itemDiscounts.map((d) => [d.promotionId, d.amount])).toEqual([
      ['b2g1', 1_000],
      ['pct', 200],
    ]);
  });

  it('a tie goes to the higher priority, then to the smaller id, whatever order the rules come in', () => {
    const a = samplePromotion('A', { type: 'percent-off', target: P1, bp: 1_000 });
    const b = samplePromotion('B', { type: 'amount-off', target: P1, amount: 100 });
    const lines = [sampleLine('a', 'P1', 1_000)];
    expect(priceWith(lines, [b, a]).applied.map((x) => x.promotionId)).toEqual(['A']);
    expect(priceWith(lines, [a, { ...b, priority: 5 }]).applied.map((x) => x.promotionId)).toEqual(['B']);
  });

  it('stackable rules add up on the same items; a non-stackable one never joins them', () => {
    const lines = [sampleLine('a', 'P1', 1_000, 2)];
    const s1 = samplePromotion('S1', { type: 'percent-off', target: P1, bp: 1_000 }, { stackable: true });
    const s2 = samplePromotion('S2', { type: 'amount-off', target: P1, amount: 150 }, { stackable: true });
    expect(priceWith(lines, [s1, s2]).discountTotal).toBe(200 + 300);
    // Alone the exclusive rule gives 400; the two stackable ones give 500 together, and it cannot join them.
    const x = samplePromotion('X', { type: 'percent-off', target: P1, bp: 2_000 });
    expect(priceWith(lines, [s1, s2, x]).applied.map((a) => a.promotionId)).toEqual(['S1', 'S2']);
    expect(
      priceWith(lines, [s1, s2, { ...x, benefit: { type: 'percent-off', target: P1, bp: 3_000 } }]).applied.map((a) => a.promotionId),
    ).toEqual(['X']);
  });

  it('stacked rules never take an item below zero', () => {
    const rules = ['S1', 'S2', 'S3'].map((id) => samplePromotion(id, { type: 'percent-off', target: P1, bp: 6_000 }, { stackable: true }));
    const priced = priceWith([sampleLine('a', 'P1', 999, 3)], rules);
    expect(priced.lines[0]?.net).toBe(0);
    expect(priced.discountTotal).toBe(2_997);
  });

  it('a cart rule takes the items no other rule took, and the best combination wins over the biggest rule', () => {
    const lines = [sampleLine('a', 'P1', 1_000), sampleLine('b', 'P2', 9_000)];
    const item = samplePromotion('item', { type: 'percent-off', target: P1, bp: 3_000 });
    const cart = samplePromotion('cart', { type: 'cart-percent-off', bp: 1_000 });
    const priced = priceWith(lines, [item, cart]);
    // Cart alone: 1,000. Item then cart on the rest: 300 + 900 = 1,200.
    expect(priced.discountTotal).toBe(1_200);
    expect(discountsByLine(priced)).toEqual({ a: 300, b: 900 });
  });

  it('beyond the exact limit, greedy then exchange still finds the better combination', () => {
    const lines = [sampleLine('a', 'P1', 1_000), sampleLine('b', 'P2', 9_000)];
    // Six weak rules on P1 make a group of eight competitors: no longer tried in every order.
    const weak = Array.from({ length: 6 }, (_, i) => samplePromotion(`w${i}`, { type: 'percent-off', target: P1, bp: 100 + i }));
    const rules: Promotion[] = [
      ...weak,
      samplePromotion('item', { type: 'percent-off', target: P1, bp: 3_000 }),
      samplePromotion('cart', { type: 'cart-percent-off', bp: 1_000 }),
    ];
    const priced = priceWith(lines, rules);
    expect(priced.discountTotal).toBe(1_200);
    expect(priced.applied.map((a) => a.promotionId)).toEqual(['cart', 'item']);
    expect(priced.rejected.every((r) => r.reason === 'outdone')).toBe(true);
  });

  it('a big cart rule can beat the item rules: it then goes alone', () => {
    const lines = [sampleLine('a', 'P1', 1_000), sampleLine('b', 'P2', 1_000)];
    const item = samplePromotion('item', { type: 'percent-off', target: P1, bp: 1_000 });
    const half = samplePromotion('half', { type: 'cart-percent-off', bp: 5_000 });
    // Items first: 100 + half of the rest 500 = 600; the cart rule first: 1,000.
    const priced = priceWith(lines, [item, half]);
    expect(priced.applied.map((a) => [a.promotionId, a.amount])).toEqual([['half', 1_000]]);
    expect(priced.rejected).toEqual([{ promotionId: 'item', version: 1, reason: 'outdone' }]);
  });

  it('one non-stackable cart rule at most: the best on what the items leave, even a smaller one whose minimum still holds', () => {
    const lines = [sampleLine('a', 'P1', 3_000), sampleLine('b', 'P2', 2_500)];
    const item = samplePromotion('item', { type: 'amount-off', target: P1, amount: 1_000 });
    const big = samplePromotion('big', { type: 'cart-amount-off', amount: 600, minSubtotal: 5_000 });
    const small = samplePromotion('small', { type: 'cart-amount-off', amount: 300 });
    const priced = priceWith(lines, [item, big, small]);
    // big alone: 600; item (1,000) leaves 2,500 on line b: big's minimum fails there, small gives 300.
    expect(priced.applied.map((a) => [a.promotionId, a.amount])).toEqual([
      ['item', 1_000],
      ['small', 300],
    ]);
    expect(discountsByLine(priced)).toEqual({ a: 1_000, b: 300 });
  });

  it('stackable item and cart rules share items; the order that gives more wins', () => {
    const lines = [sampleLine('a', 'P1', 1_000), sampleLine('b', 'P2', 1_000)];
    const item = samplePromotion('item', { type: 'percent-off', target: P1, bp: 5_000 }, { stackable: true });
    const cart = samplePromotion('cart', { type: 'cart-percent-off', bp: 1_000 }, { stackable: true });
    const priced = priceWith(lines, [item, cart]);
    // Items first: 500, then 10 % of what is left (1,500): 650 in all. The cart rule first: 10 % of
    // 2,000, then half of line a's price (an item rule counts on the price): 700. The customer gets 700.
    expect(discountsByLine(priced)).toEqual({ a: 600, b: 100 });
    expect(priced.lines[0]?.itemDiscounts.map((d) => d.amount)).toEqual([500]);
    expect(priced.lines[0]?.cartShares.map((d) => d.amount)).toEqual([100]);
  });

  it('rules on different lines do not compete', () => {
    const priced = priceWith(
      [sampleLine('a', 'P1', 1_000), sampleLine('b', 'P2', 500)],
      [
        samplePromotion('one', { type: 'percent-off', target: P1, bp: 1_000 }),
        samplePromotion('two', { type: 'percent-off', target: { productIds: ['P2'] }, bp: 2_000 }),
      ],
    );
    expect(discountsByLine(priced)).toEqual({ a: 100, b: 100 });
  });

  it('a newer version replaces the older one; the discount names the version that gave it', () => {
    const v1 = samplePromotion('X', { type: 'percent-off', target: P1, bp: 1_000 });
    const v2 = { ...v1, version: 2, benefit: { type: 'percent-off' as const, target: P1, bp: 2_000 } };
    const priced = priceWith([sampleLine('a', 'P1', 1_000)], [v2, v1]);
    expect(priced.lines[0]?.itemDiscounts).toMatchObject([{ promotionId: 'X', version: 2, amount: 200 }]);
  });

  it('a rule that fails validation is left out; the others still price', () => {
    const bad = { ...samplePromotion('bad', { type: 'percent-off', target: P1, bp: 1_000 }), version: 0 };
    const good = samplePromotion('good', { type: 'percent-off', target: P1, bp: 500 });
    const priced = priceWith([sampleLine('a', 'P1', 1_000)], [bad, good]);
    expect(priced.applied.map((a) => a.promotionId)).toEqual(['good']);
  });

  it('a line given back in an exchange never counts toward a rule nor gets a discount', () => {
    const rule = samplePromotion('b1g1', { type: 'buy-get', target: P1, buyQuantity: 1, getQuantity: 1, bp: 10_000 });
    const exchange = [sampleLine('back', 'P1', 1_000, -1), sampleLine('new', 'P1', 1_000, 1)];
    const priced = priceWith(exchange, [rule]);
    expect(priced.discountTotal).toBe(0);
    expect(priced.lines.map((l) => l.net)).toEqual([-1_000, 1_000]);
    expect(priced.total).toBe(0);
  });
});
