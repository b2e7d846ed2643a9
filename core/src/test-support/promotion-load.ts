import type { BasketLine } from '../promotions/basket';
import type { Promotion, PromotionBenefit } from '../promotions/promotion';
import { samplePromotion } from './promotion-samples';

/**
 * A chain's worth of promotions and a long basket, made from a seed (no Math.random: the same set every
 * run): 1,000 active rules over 5,000 products, 50 categories and 20 brands, and a basket of 30 lines
 * half of which meet a rule. For the engine's time test and the basket_pricing_ms bench.
 */
export function promotionLoad(seed = 1, rules = 1_000, lines = 30): { promotions: Promotion[]; lines: BasketLine[] } {
  let x = seed >>> 0 || 1;
  const next = (n: number) => {
    // xorshift32: small, fast, and the same on every machine.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
  const product = (i: number) => `P${i}`;
  const products = (n: number) => Array.from({ length: n }, () => product(next(5_000)));
  const promotions: Promotion[] = [];
  for (let i = 0; i < rules; i++) {
    const kind = next(100);
    const target =
      kind < 70
        ? { productIds: [...new Set(products(1 + next(5)))] }
        : kind < 90
          ? { categories: [`C${next(50)}`] }
          : { brands: [`B${next(20)}`] };
    const benefits: PromotionBenefit[] = [
      { type: 'percent-off', target, bp: 500 + next(3_000) },
      { type: 'amount-off', target, amount: 10 + next(300) },
      { type: 'buy-get', target, buyQuantity: 1 + next(2), getQuantity: 1, bp: 10_000 },
      { type: 'mix-and-match', target, quantity: 2 + next(2), price: 500 + next(1_000) },
      {
        type: 'quantity-tiers',
        target,
        tiers: [
          { minQuantity: 2, bp: 1_000 },
          { minQuantity: 4, bp: 2_000 },
        ],
      },
      {
        type: 'bundle',
        items: [...new Set(products(2 + next(2)))].map((productId) => ({ productId, quantity: 1 })),
        price: 500 + next(1_000),
      },
      { type: 'cart-percent-off', bp: 200 + next(800), minSubtotal: 5_000 + next(10_000) },
    ];
    const benefit = benefits[i % 50 === 0 ? 6 : next(6)] as PromotionBenefit;
    promotions.push(samplePromotion(`R${i}`, benefit, { priority: next(3), stackable: next(10) === 0 }));
  }
  // Half the lines take a product some rule names, so the basket meets real competition.
  const named = promotions.flatMap((p) => ('target' in p.benefit ? (p.benefit.target.productIds ?? []) : []));
  const basket: BasketLine[] = Array.from({ length: lines }, (_, i) => {
    const id = i % 2 === 0 && named.length > 0 ? (named[next(named.length)] as string) : product(next(5_000));
    const n = Number(id.slice(1));
    const unitPrice = 100 + next(5_000);
    const quantity = 1 + next(4);
    return {
      lineId: `L${String(i).padStart(2, '0')}`,
      productId: id,
      category: `C${n % 50}`,
      brand: `B${n % 20}`,
      measure: 'unit',
      unitPrice,
      quantity,
      gross: unitPrice * quantity,
    };
  });
  return { promotions, lines: basket };
}
