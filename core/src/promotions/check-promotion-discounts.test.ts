import { describe, expect, it } from 'vitest';
import { pricingContext, sampleLine, samplePromotion } from '../test-support/promotion-samples';
import type { Basket } from './basket';
import { checkPromotionDiscounts, promotionSaleDiscounts, type ClaimedPromotionDiscount } from './check-promotion-discounts';
import { compilePromotions } from './compile-promotions';
import { priceBasket } from './price-basket';

const promotions = compilePromotions([
  samplePromotion('pct', { type: 'percent-off', target: { productIds: ['P1'] }, bp: 1_000 }),
  samplePromotion('cart', { type: 'cart-amount-off', amount: 200 }, { couponCode: 'WELCOME' }),
]);
const context = pricingContext({ couponCodes: ['WELCOME'] });
const basket: Basket = { currency: 'EUR', lines: [sampleLine('a', 'P1', 1_000, 2), sampleLine('b', 'P2', 500)] };

const codes = (claimed: readonly ClaimedPromotionDiscount[], b: Basket = basket) =>
  checkPromotionDiscounts(b, promotions, context, claimed).map((p) => p.code);

describe('checkPromotionDiscounts', () => {
  const honest = promotionSaleDiscounts(priceBasket(basket, promotions, context));

  it('accepts exactly what the engine gives, in any order', () => {
    expect(honest).toEqual([
      { lineId: 'a', source: 'promotion', sourceId: 'pct', sourceVersion: 1, amount: 200 },
      { source: 'coupon', sourceId: 'cart', sourceVersion: 1, amount: 200 },
    ]);
    expect(codes(honest)).toEqual([]);
    expect(codes([...honest].reverse())).toEqual([]);
  });

  it('refuses another amount, another source, an unknown promotion or version', () => {
    const [line, cart] = honest as [ClaimedPromotionDiscount, ClaimedPromotionDiscount];
    expect(codes([{ ...line, amount: 201 }, cart])).toEqual(['amount']);
    expect(codes([line, { ...cart, source: 'promotion' }])).toEqual(['amount']);
    expect(codes([{ ...line, sourceVersion: 2 }, cart])).toEqual(['unknown-promotion', 'missing']);
    expect(codes([line, cart, { ...line, sourceId: 'forged' }])).toEqual(['unknown-promotion']);
  });

  it('refuses a discount the rule does not give there, one left out, a line claimed twice or unknown', () => {
    const [line, cart] = honest as [ClaimedPromotionDiscount, ClaimedPromotionDiscount];
    expect(codes([line, cart, { ...line, lineId: 'b', amount: 50 }])).toEqual(['not-due']);
    expect(codes([line])).toEqual(['missing']);
    expect(codes([line, line, cart])).toEqual(['line']);
    expect(codes([line, cart, { ...line, lineId: 'zz' }])).toEqual(['line']);
  });

  it('a coupon applied to a web quotation, settled at the till with more lines: the discount once per line (OMNICHANNEL #11)', () => {
    const quotation: Basket = { currency: 'EUR', lines: [sampleLine('a', 'P1', 1_000, 2)] };
    const atTill: Basket = { currency: 'EUR', lines: [...quotation.lines, sampleLine('c', 'P1', 1_000), sampleLine('b', 'P2', 500)] };
    const webClaims = promotionSaleDiscounts(priceBasket(quotation, promotions, context));
    // The web discounts carried over and priced again at the till would discount line a twice: refused.
    const tillClaims = promotionSaleDiscounts(priceBasket(atTill, promotions, context));
    expect(codes([...webClaims, ...tillClaims], atTill)).toContain('line');
    // Priced afresh, every line carries each promotion once.
    expect(codes(tillClaims, atTill)).toEqual([]);
    for (const line of priceBasket(atTill, promotions, context).lines) {
      const ids = [...line.itemDiscounts, ...line.cartShares].map((d) => d.promotionId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
