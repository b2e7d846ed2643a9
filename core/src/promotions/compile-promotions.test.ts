import { describe, expect, it } from 'vitest';
import { samplePromotion } from '../test-support/promotion-samples';
import { compilePromotions, MAX_PROMOTIONS } from './compile-promotions';

const rule = (id: string, overrides = {}) =>
  samplePromotion(id, { type: 'percent-off', target: { productIds: ['P1'] }, bp: 1_000 }, overrides);

describe('compilePromotions', () => {
  it('ranks by priority then id, whatever the input order, and indexes by product, category and brand', () => {
    const rules = [
      rule('b'),
      rule('a'),
      rule('z', { priority: 9 }),
      samplePromotion('cat', { type: 'amount-off', target: { categories: ['C1'], brands: ['B1'] }, amount: 10 }),
      samplePromotion('cart', { type: 'cart-amount-off', amount: 10 }, { couponCode: 'HELLO' }),
    ];
    const one = compilePromotions(rules);
    const other = compilePromotions([...rules].reverse());
    expect(one.promotions.map((p) => [p.promotion.id, p.rank])).toEqual([
      ['z', 0],
      ['a', 1],
      ['b', 2],
      ['cart', 3],
      ['cat', 4],
    ]);
    expect(other.promotions.map((p) => p.promotion.id)).toEqual(one.promotions.map((p) => p.promotion.id));
    expect(one.byProduct.get('P1')?.map((p) => p.promotion.id)).toEqual(['z', 'a', 'b']);
    expect(one.byCategory.get('C1')?.map((p) => p.promotion.id)).toEqual(['cat']);
    expect(one.byBrand.get('B1')?.map((p) => p.promotion.id)).toEqual(['cat']);
    expect(one.cartWide.map((p) => [p.promotion.id, p.source])).toEqual([['cart', 'coupon']]);
    expect([...one.couponCodes]).toEqual(['HELLO']);
  });

  it('keeps the newest version of an id; the older ones are superseded', () => {
    const compiled = compilePromotions([rule('x', { version: 3 }), rule('x', { version: 1 }), rule('x', { version: 2 })]);
    expect(compiled.promotions.map((p) => p.promotion.version)).toEqual([3]);
    expect(compiled.superseded.map((p) => p.promotion.version)).toEqual([2, 1]);
  });

  it('refuses invalid rules with their id and problems, and two different documents under one version', () => {
    const compiled = compilePromotions([
      { ...rule('bad'), version: 0 },
      rule('same'),
      rule('same'),
      rule('twin'),
      rule('twin', { name: 'Another twin' }),
      42,
    ]);
    expect(compiled.promotions.map((p) => p.promotion.id)).toEqual(['same']);
    expect(compiled.refused.map((r) => [r.id, r.problems[0]?.code])).toEqual([
      ['bad', 'shape'],
      [undefined, 'shape'],
      ['twin', 'duplicate'],
    ]);
  });

  it('refuses a set beyond its bound before any work', () => {
    expect(() => compilePromotions(new Array(MAX_PROMOTIONS + 1).fill(null))).toThrow(RangeError);
  });
});
