import type { Promotion } from '../promotions/promotion';

/**
 * A promotion with single-use codes of the family BIENVENUE: 20 % off a category, as head office
 * writes it (the hub's body: no id, no version) and as tills hold it (version 1, id `welcome`).
 */
export function welcomeCouponBody(category: string) {
  return {
    name: 'Bienvenue −20 %',
    currency: 'EUR',
    priority: 0,
    stackable: false,
    audience: { kind: 'everyone' as const },
    couponCode: 'BIENVENUE',
    coupon: { kind: 'single-use' as const },
    benefit: { type: 'percent-off' as const, target: { categories: [category] }, bp: 2_000 },
  };
}

export function welcomeCoupon(category: string): Promotion {
  return { ...welcomeCouponBody(category), id: 'welcome', version: 1 };
}
