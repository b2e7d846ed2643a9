import { describe, expect, it } from 'vitest';
import { samplePromotion } from '../test-support/promotion-samples';
import type { Promotion, PromotionBenefit } from './promotion';
import { promotionProblems, type PromotionProblemCode } from './validate-promotion';

const target = { productIds: ['P1'] };

/** One sound rule of each benefit type. */
const BENEFITS: readonly PromotionBenefit[] = [
  { type: 'percent-off', target, bp: 1_000 },
  { type: 'amount-off', target: { categories: ['drinks'] }, amount: 50, maxItems: 1 },
  { type: 'cart-percent-off', bp: 500, minSubtotal: 5_000 },
  { type: 'cart-amount-off', amount: 1_000 },
  { type: 'buy-get', target, buyQuantity: 2, getQuantity: 1, bp: 10_000 },
  { type: 'buy-get', target, buyQuantity: 1, getQuantity: 1, bp: 5_000, getTarget: { brands: ['B'] }, maxApplications: 2 },
  { type: 'mix-and-match', target: { categories: ['snacks'] }, quantity: 3, price: 500 },
  {
    type: 'bundle',
    items: [
      { productId: 'burger', quantity: 1 },
      { productId: 'fries', quantity: 1 },
    ],
    price: 800,
  },
  {
    type: 'quantity-tiers',
    target,
    tiers: [
      { minQuantity: 2, bp: 1_000 },
      { minQuantity: 5, bp: 2_000 },
    ],
  },
];

const codes = (value: unknown): PromotionProblemCode[] => promotionProblems(value).map((p) => p.code);

function withBenefit(benefit: unknown, overrides: Record<string, unknown> = {}): unknown {
  return { ...samplePromotion('X', BENEFITS[0] as PromotionBenefit), benefit, ...overrides };
}

describe('promotionProblems', () => {
  it('accepts a sound rule of every benefit type, with every optional field', () => {
    for (const benefit of BENEFITS) expect(promotionProblems(samplePromotion('P', benefit))).toEqual([]);
    const full: Promotion = samplePromotion('FULL', BENEFITS[0] as PromotionBenefit, {
      stackable: true,
      priority: 1_000,
      schedule: { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00+01:00', days: [6, 7], hours: { from: '22:00', to: '02:00' } },
      stores: ['S001', 'S002'],
      channels: ['store', 'web'],
      audience: { kind: 'tiers', tiers: ['gold'] },
      couponCode: 'NOEL-25',
    });
    expect(promotionProblems(full)).toEqual([]);
  });

  it('refuses what is out of bounds, as shape problems', () => {
    const manyProducts = Array.from({ length: 1_001 }, (_, i) => `P${i}`);
    expect(codes(withBenefit({ type: 'percent-off', target: { productIds: manyProducts }, bp: 10 }))).toEqual(['shape']);
    expect(codes(withBenefit(BENEFITS[0], { id: 'x'.repeat(65) }))).toEqual(['shape']);
    expect(codes(withBenefit({ type: 'percent-off', target, bp: 0 }))).toEqual(['shape']);
    expect(codes(withBenefit({ type: 'percent-off', target, bp: 10_001 }))).toEqual(['shape']);
    expect(codes(withBenefit({ type: 'cart-amount-off', amount: 1_000_000_001 }))).toEqual(['shape']);
    expect(codes(withBenefit({ type: 'cart-amount-off', amount: 12.5 }))).toEqual(['shape']);
    expect(codes(withBenefit(BENEFITS[0], { couponCode: 'noel' }))).toEqual(['shape']);
    expect(codes(withBenefit(BENEFITS[0], { channels: ['fax'] }))).toEqual(['shape']);
    expect(codes(withBenefit(BENEFITS[0], { surprise: true }))).toEqual(['shape']);
    expect(codes(withBenefit({ type: 'free-lunch' }))).toEqual(['shape']);
    expect(codes('not a promotion')).toEqual(['shape']);
  });

  it('says at most 20 problems, however many ids are wrong', () => {
    const badIds = Array.from({ length: 1_000 }, () => '');
    expect(promotionProblems(withBenefit({ type: 'percent-off', target: { productIds: badIds }, bp: 10 }))).toHaveLength(20);
  });

  it('refuses a window that ends before it starts and hours that start and end together', () => {
    expect(codes(withBenefit(BENEFITS[0], { schedule: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' } }))).toEqual(['window']);
    expect(codes(withBenefit(BENEFITS[0], { schedule: { from: '2026-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } }))).toEqual(['window']);
    expect(codes(withBenefit(BENEFITS[0], { schedule: { from: '2026-02-31T00:00:00Z' } }))).toEqual(['window']);
    expect(codes(withBenefit(BENEFITS[0], { schedule: { hours: { from: '09:00', to: '09:00' } } }))).toEqual(['hours']);
    expect(codes(withBenefit(BENEFITS[0], { schedule: { hours: { from: '24:00', to: '09:00' } } }))).toEqual(['shape']);
  });

  it('refuses an empty target, names given twice, tiers out of order and a bundle of one item', () => {
    expect(codes(withBenefit({ type: 'percent-off', target: {}, bp: 10 }))).toEqual(['target']);
    expect(codes(withBenefit({ type: 'percent-off', target: { productIds: ['A', 'B', 'A'] }, bp: 10 }))).toEqual(['duplicate']);
    expect(codes(withBenefit(BENEFITS[0], { stores: ['S1', 'S1'] }))).toEqual(['duplicate']);
    expect(codes(withBenefit(BENEFITS[0], { audience: { kind: 'tiers', tiers: ['gold', 'gold'] } }))).toEqual(['duplicate']);
    expect(codes(withBenefit(BENEFITS[0], { schedule: { days: [1, 1] } }))).toEqual(['duplicate']);
    const tiers = [
      { minQuantity: 5, bp: 2_000 },
      { minQuantity: 2, bp: 1_000 },
    ];
    expect(codes(withBenefit({ type: 'quantity-tiers', target, tiers }))).toEqual(['tiers']);
    expect(codes(withBenefit({ type: 'bundle', items: [{ productId: 'A', quantity: 1 }], price: 100 }))).toEqual(['bundle']);
    expect(codes(withBenefit({ type: 'bundle', items: [{ productId: 'A', quantity: 2 }], price: 100 }))).toEqual([]);
    expect(
      codes(
        withBenefit({
          type: 'bundle',
          items: [
            { productId: 'A', quantity: 1 },
            { productId: 'A', quantity: 1 },
          ],
          price: 100,
        }),
      ),
    ).toEqual(['duplicate']);
    expect(codes(withBenefit({ type: 'buy-get', target, buyQuantity: 1, getQuantity: 1, bp: 10, getTarget: {} }))).toEqual(['target']);
  });
});
