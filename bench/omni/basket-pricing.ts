/**
 * basket_pricing_ms: core's promotions engine pricing a till's basket (--lines lines, 1–3 pieces
 * each) against --promotions active promotions, as the till does at each scan: the set compiled
 * once (compile_promotions_ms, informative), then each basket priced alone.
 *
 * The shape of a chain's promotions at one time, as a retailer runs them: most are weekly offers
 * on a few products (1–5 of the 5,000 that sell most, in a catalog of 50,000), about one in twelve
 * takes a category (of 200), one in twenty-five a brand (of 100), one in a hundred the cart; every
 * benefit type, a fifth stackable, some for members, some behind a coupon (presented on one basket
 * in ten), some only in the morning. Baskets draw four lines in five from the 5,000: a basket meets
 * a few dozen rules, many competing for the same items.
 */
import {
  compilePromotions,
  priceBasket,
  type Basket,
  type BasketLine,
  type PricingContext,
  type Promotion,
  type PromotionBenefit,
} from '@pos/core';
import { mulberry32 } from '../../core/src/demo/prng';

export type PricingShape = { readonly baskets: number; readonly promotions: number; readonly lines: number };
export type PricingResult = { readonly compileMs: number[]; readonly pricingMs: number[]; readonly discounted: number };

const PRODUCTS = 50_000;
const POPULAR = 5_000;
const CATEGORIES = 200;
const BRANDS = 100;
const product = (n: number) => ({
  id: `prd-${n}`,
  category: `cat-${n % CATEGORIES}`,
  brand: `brand-${n % BRANDS}`,
  price: 99 + ((n * 7919) % 9_900),
});

function target(random: () => number) {
  const kind = random();
  if (kind < 0.88) {
    const ids = Array.from({ length: 1 + Math.floor(random() * 5) }, () => product(Math.floor(random() * POPULAR)).id);
    return { productIds: [...new Set(ids)] };
  }
  if (kind < 0.96) return { categories: [product(Math.floor(random() * CATEGORIES)).category] };
  return { brands: [product(Math.floor(random() * BRANDS)).brand] };
}

function benefit(random: () => number): PromotionBenefit {
  const type = random();
  if (type < 0.3) return { type: 'percent-off', target: target(random), bp: 500 + Math.floor(random() * 3_000) };
  if (type < 0.45) return { type: 'amount-off', target: target(random), amount: 10 + Math.floor(random() * 200) };
  if (type < 0.6) return { type: 'buy-get', target: target(random), buyQuantity: 2, getQuantity: 1, bp: 10_000 };
  if (type < 0.7) return { type: 'mix-and-match', target: target(random), quantity: 3, price: 1_000 + Math.floor(random() * 1_000) };
  if (type < 0.8) {
    const a = product(Math.floor(random() * POPULAR));
    const b = product(Math.floor(random() * POPULAR));
    return a.id === b.id
      ? { type: 'percent-off', target: { productIds: [a.id] }, bp: 1_000 }
      : {
          type: 'bundle',
          items: [
            { productId: a.id, quantity: 1 },
            { productId: b.id, quantity: 1 },
          ],
          price: Math.floor((a.price + b.price) * 0.8),
        };
  }
  if (type < 0.99) {
    return {
      type: 'quantity-tiers',
      target: target(random),
      tiers: [
        { minQuantity: 2, bp: 1_000 },
        { minQuantity: 5, bp: 2_000 },
      ],
    };
  }
  return random() < 0.5
    ? { type: 'cart-percent-off', bp: 500, minSubtotal: 5_000 }
    : { type: 'cart-amount-off', amount: 500, minSubtotal: 10_000 };
}

export function benchPromotions(count: number, random: () => number): Promotion[] {
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    return {
      id: `promo-${i}`,
      version: 1,
      name: `Promotion ${i}`,
      currency: 'EUR',
      priority: Math.floor(random() * 10),
      stackable: random() < 0.2,
      audience: r < 0.1 ? { kind: 'members' } : { kind: 'everyone' },
      ...(r > 0.95 ? { couponCode: `CODE${i}` } : {}),
      ...(random() < 0.1 ? { schedule: { hours: { from: '08:00', to: '12:00' } } } : {}),
      benefit: benefit(random),
    };
  });
}

function benchBasket(lines: number, random: () => number): Basket {
  const basketLines: BasketLine[] = Array.from({ length: lines }, (_, i) => {
    const p = product(random() < 0.8 ? Math.floor(random() * POPULAR) : Math.floor(random() * PRODUCTS));
    const quantity = 1 + Math.floor(random() * 3);
    return {
      lineId: `l${i}`,
      productId: p.id,
      category: p.category,
      brand: p.brand,
      measure: 'unit',
      unitPrice: p.price,
      quantity,
      gross: p.price * quantity,
    };
  });
  return { currency: 'EUR', lines: basketLines };
}

export function measureBasketPricing(shape: PricingShape): PricingResult {
  const random = mulberry32(14);
  const promotions = benchPromotions(shape.promotions, random);
  const compileMs: number[] = [];
  let compiled = compilePromotions(promotions);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    compiled = compilePromotions(promotions);
    compileMs.push(performance.now() - started);
  }
  if (compiled.refused.length > 0) throw new Error(`the bench's promotions are refused: ${JSON.stringify(compiled.refused[0])}`);
  const baskets = Array.from({ length: shape.baskets }, () => benchBasket(shape.lines, random));
  const contexts: PricingContext[] = baskets.map((_, i) => ({
    at: `2026-12-0${1 + (i % 7)}T${String(8 + (i % 10)).padStart(2, '0')}:15:00Z`,
    timeZone: 'Europe/Paris',
    storeId: 'S1',
    channel: 'store',
    customer: { member: i % 3 === 0 },
    couponCodes: i % 10 === 0 ? [`CODE${Math.floor(random() * shape.promotions)}`] : [],
  }));
  // Warm-up: the engine's first baskets pay for the JIT.
  for (let i = 0; i < Math.min(200, baskets.length); i++) priceBasket(baskets[i]!, compiled, contexts[i]!);
  const pricingMs: number[] = [];
  let discounted = 0;
  for (let i = 0; i < baskets.length; i++) {
    const started = performance.now();
    const priced = priceBasket(baskets[i]!, compiled, contexts[i]!);
    pricingMs.push(performance.now() - started);
    if (priced.discountTotal > 0) discounted++;
  }
  return { compileMs, pricingMs, discounted };
}
