import { describe, expect, it } from 'vitest';
import { discountsByLine, priceWith, sampleLine, samplePromotion } from '../test-support/promotion-samples';

describe('priceBasket: each benefit', () => {
  it('percent off a product, rounded once on the line', () => {
    const priced = priceWith(
      [sampleLine('a', 'P1', 199, 3), sampleLine('b', 'P2', 500)],
      [samplePromotion('pct', { type: 'percent-off', target: { productIds: ['P1'] }, bp: 1_000 })],
    );
    expect(discountsByLine(priced)).toEqual({ a: 60, b: 0 }); // 10 % of 5.97 = 0.597 → 0.60
    expect(priced.lines[0]?.itemDiscounts).toEqual([
      { promotionId: 'pct', version: 1, source: 'promotion', kind: 'percent', value: 1_000, amount: 60 },
    ]);
    expect(priced.total).toBe(597 + 500 - 60);
  });

  it('amount off each item of a category, never more than the item', () => {
    const priced = priceWith(
      [
        sampleLine('a', 'P1', 300, 2, { category: 'drinks' }),
        sampleLine('b', 'P2', 40, 1, { category: 'drinks' }),
        sampleLine('c', 'P3', 900),
      ],
      [samplePromotion('off', { type: 'amount-off', target: { categories: ['drinks'] }, amount: 50 })],
    );
    expect(discountsByLine(priced)).toEqual({ a: 100, b: 40, c: 0 });
  });

  it('percent off a brand', () => {
    const priced = priceWith(
      [sampleLine('a', 'P1', 1_000, 1, { brand: 'Acme' }), sampleLine('b', 'P2', 1_000)],
      [samplePromotion('brand', { type: 'percent-off', target: { brands: ['Acme'] }, bp: 2_500 })],
    );
    expect(discountsByLine(priced)).toEqual({ a: 250, b: 0 });
  });

  it('"once per order": a limited rule takes the cheapest item', () => {
    const priced = priceWith(
      [sampleLine('a', 'P1', 800), sampleLine('b', 'P2', 300, 2, { category: 'C-P1' })],
      [samplePromotion('once', { type: 'percent-off', target: { categories: ['C-P1'] }, bp: 5_000, maxItems: 1 })],
    );
    expect(discountsByLine(priced)).toEqual({ a: 0, b: 150 });
  });

  it('percent off the cart from a minimum subtotal, spread over the lines', () => {
    const lines = [sampleLine('a', 'P1', 3_333), sampleLine('b', 'P2', 1_667), sampleLine('c', 'P3', 1_000)];
    const rule = samplePromotion('cart', { type: 'cart-percent-off', bp: 1_000, minSubtotal: 6_000 });
    const priced = priceWith(lines, [rule]);
    expect(priced.discountTotal).toBe(600);
    expect(discountsByLine(priced)).toEqual({ a: 333, b: 167, c: 100 });
    expect(priced.lines.every((l) => l.cartShares.length === 1 && l.itemDiscounts.length === 0)).toBe(true);
    expect(priced.applied).toEqual([
      { promotionId: 'cart', version: 1, source: 'promotion', kind: 'percent', value: 1_000, amount: 600, scope: 'cart' },
    ]);
    const below = priceWith(lines.slice(0, 2), [rule]);
    expect(below.discountTotal).toBe(0);
    expect(below.rejected).toEqual([{ promotionId: 'cart', version: 1, reason: 'not_applicable' }]);
  });

  it('an amount off the cart never exceeds the cart', () => {
    const priced = priceWith(
      [sampleLine('a', 'P1', 300), sampleLine('b', 'P2', 200)],
      [samplePromotion('ten', { type: 'cart-amount-off', amount: 1_000 })],
    );
    expect(discountsByLine(priced)).toEqual({ a: 300, b: 200 });
    expect(priced.total).toBe(0);
  });

  it('buy 2 get 1 free: the cheapest of each group of three', () => {
    const rule = samplePromotion('b2g1', {
      type: 'buy-get',
      target: { categories: ['shoes'] },
      buyQuantity: 2,
      getQuantity: 1,
      bp: 10_000,
    });
    const shoes = { category: 'shoes' };
    const priced = priceWith([sampleLine('a', 'P1', 1_000, 2, shoes), sampleLine('b', 'P2', 500, 1, shoes)], [rule]);
    expect(discountsByLine(priced)).toEqual({ a: 0, b: 500 });
    // Six items 10, 9, 8, 7, 6, 5: groups (10, 9, 8) and (7, 6, 5) give 8 and 5, the best grouping for the customer.
    const six = [10, 9, 8, 7, 6, 5].map((p, i) => sampleLine(`l${i}`, `P${i}`, p * 100, 1, shoes));
    expect(priceWith(six, [rule]).discountTotal).toBe(1_300);
    // Two items: no group.
    expect(priceWith(six.slice(0, 2), [rule]).rejected[0]?.reason).toBe('not_applicable');
  });

  it('buy 1 get 1 at half price, at most twice, within one line of many items', () => {
    const rule = samplePromotion('b1g1', {
      type: 'buy-get',
      target: { productIds: ['P1'] },
      buyQuantity: 1,
      getQuantity: 1,
      bp: 5_000,
      maxApplications: 2,
    });
    expect(discountsByLine(priceWith([sampleLine('a', 'P1', 400, 9)], [rule]))).toEqual({ a: 400 });
  });

  it('buy 2 shampoos, get a conditioner free: the dearest conditioner, paid by the cheapest shampoos', () => {
    const rule = samplePromotion('sc', {
      type: 'buy-get',
      target: { categories: ['shampoo'] },
      getTarget: { categories: ['conditioner'] },
      buyQuantity: 2,
      getQuantity: 1,
      bp: 10_000,
    });
    const lines = [
      sampleLine('s1', 'S1', 700, 1, { category: 'shampoo' }),
      sampleLine('s2', 'S2', 500, 2, { category: 'shampoo' }),
      sampleLine('c1', 'C1', 600, 1, { category: 'conditioner' }),
      sampleLine('c2', 'C2', 900, 1, { category: 'conditioner' }),
    ];
    const priced = priceWith(lines, [rule]);
    // Three shampoos pay for one conditioner (the 9.00 one); the second would need two more shampoos.
    expect(discountsByLine(priced)).toEqual({ s1: 0, s2: 0, c1: 0, c2: 900 });
    expect(priceWith(lines.slice(2), [rule]).discountTotal).toBe(0);
  });

  it('mix and match: any 3 for 10.00, the dearest items first, while it saves money', () => {
    const rule = samplePromotion('mm', { type: 'mix-and-match', target: { categories: ['snacks'] }, quantity: 3, price: 1_000 });
    const snacks = { category: 'snacks' };
    const lines = [sampleLine('a', 'P1', 450, 2, snacks), sampleLine('b', 'P2', 400, 2, snacks), sampleLine('c', 'P3', 300, 2, snacks)];
    const priced = priceWith(lines, [rule]);
    // (4.50, 4.50, 4.00) → 3.00 off; (4.00, 3.00, 3.00) → 0.00 off, so not taken.
    expect(priced.discountTotal).toBe(300);
    expect(discountsByLine(priced)).toEqual({ a: 208, b: 92, c: 0 });
    expect(priced.applied[0]).toMatchObject({ kind: 'amount', value: 300, amount: 300 });
  });

  it('bundle: a burger, fries and a drink for 8.00, as many times as the basket holds', () => {
    const rule = samplePromotion('menu', {
      type: 'bundle',
      items: [
        { productId: 'burger', quantity: 1 },
        { productId: 'fries', quantity: 1 },
        { productId: 'drink', quantity: 1 },
      ],
      price: 800,
    });
    const lines = [sampleLine('b', 'burger', 600, 2), sampleLine('f', 'fries', 250, 2), sampleLine('d', 'drink', 200, 1)];
    const priced = priceWith(lines, [rule]);
    expect(priced.discountTotal).toBe(250);
    expect(priced.lines.reduce((acc, l) => acc + l.discount, 0)).toBe(250);
    expect(priceWith(lines.slice(0, 2), [rule]).discountTotal).toBe(0);
  });

  it('quantity tiers: 2+ = −10 %, 5+ = −20 %, across the lines of the category', () => {
    const rule = samplePromotion('tiers', {
      type: 'quantity-tiers',
      target: { categories: ['wine'] },
      tiers: [
        { minQuantity: 2, bp: 1_000 },
        { minQuantity: 5, bp: 2_000 },
      ],
    });
    const wine = (lineId: string, quantity: number) => sampleLine(lineId, lineId, 1_000, quantity, { category: 'wine' });
    expect(priceWith([wine('a', 1)], [rule]).discountTotal).toBe(0);
    expect(priceWith([wine('a', 1), wine('b', 1)], [rule]).discountTotal).toBe(200);
    const five = priceWith([wine('a', 3), wine('b', 2)], [rule]);
    expect(discountsByLine(five)).toEqual({ a: 600, b: 400 });
    expect(five.applied[0]).toMatchObject({ kind: 'percent', value: 2_000 });
  });

  it('a line of 9,999 items: groups inside one line are counted at once, as the item-by-item rule would', () => {
    const many = [sampleLine('a', 'P1', 100, 9_999), sampleLine('b', 'P1', 90, 2)];
    const b2g1 = samplePromotion('b2g1', { type: 'buy-get', target: { productIds: ['P1'] }, buyQuantity: 2, getQuantity: 1, bp: 10_000 });
    // 3,333 groups on line a, which leaves none of it; (0.90, 0.90) is not a group of three.
    expect(discountsByLine(priceWith(many, [b2g1]))).toEqual({ a: 333_300, b: 0 });
    const pair = samplePromotion('pair', { type: 'bundle', items: [{ productId: 'P1', quantity: 2 }], price: 150 });
    // 4,999 pairs at 2.00 − 1.50, then (1.00, 0.90) − 1.50 = 0.40, then nothing left to pair.
    expect(priceWith(many, [pair]).discountTotal).toBe(4_999 * 50 + 40);
    const twice = { ...b2g1, benefit: { ...b2g1.benefit, maxApplications: 2 } };
    expect(priceWith(many, [twice]).discountTotal).toBe(200);
  });

  it('a weighed line and a price-labelled line are each one item worth their gross', () => {
    const cheese = sampleLine('w', 'cheese', 2_490, 532, { measure: 'weight', gross: 1_325 });
    const labelled = sampleLine('l', 'ham', 1_990, 1, { gross: 745 });
    const priced = priceWith(
      [cheese, labelled],
      [samplePromotion('deli', { type: 'percent-off', target: { productIds: ['cheese', 'ham'] }, bp: 1_000 })],
    );
    expect(discountsByLine(priced)).toEqual({ w: 133, l: 75 });
    const b1g1 = samplePromotion('b1g1', {
      type: 'buy-get',
      target: { productIds: ['cheese', 'ham'] },
      buyQuantity: 1,
      getQuantity: 1,
      bp: 10_000,
    });
    expect(discountsByLine(priceWith([cheese, labelled], [b1g1]))).toEqual({ w: 0, l: 745 });
  });
});
