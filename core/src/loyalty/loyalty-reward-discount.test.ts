import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartTotals } from '../cart/totals';
import { buildReceipt, receiptText } from '../receipt/receipt-model';
import { signedSaleRecord } from '../test-support/sample-sale';
import type { Cart } from '../cart/cart';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { buildSale, type SaleDiscount, type SalePayloadV1 } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { cartArb } from '../test-support/arbitraries';
import { demoSaleContext } from '../test-support/sample-sale';
import { testLoyaltyProgram } from '../test-support/loyalty-program';
import { withLoyaltyEarn } from './sale-loyalty';
import { cartRewardOf, rewardAmount, type CartReward } from './loyalty-reward-discount';

const store = demoStoreProfile();
const ctx = demoSaleContext({}, store);
const amountOff: CartReward = cartRewardOf(
  { id: 'club', version: 3 },
  { id: 'r-5', name: '5 € off', cost: 500, kind: 'amount-off', amount: 500 },
  { id: 'res-1', points: 500 },
);
const percentOff: CartReward = cartRewardOf(
  { id: 'club', version: 3 },
  { id: 'r-10', name: '10 %', cost: 800, kind: 'percent-off', bp: 1000, maxAmount: 300 },
  { id: 'res-2', points: 800 },
);

function sold(cart: Cart): SalePayloadV1 {
  const total = cartTotals(cart, store.vatRates).total;
  return buildSale(
    { ...cart, customer: { id: 'cus-1', label: 'A' } },
    total > 0 ? [cashTender('t1', total, [], total, store.cashRounding)] : [],
    ctx,
  );
}

const baseCart = (): Cart => ({
  id: 's-1',
  currency: 'EUR',
  startedAt: ctx.completedAt,
  lines: [
    { lineId: 'l1', productId: 'p1', sku: 'A', name: 'A', vatRateId: store.vatRates[0]!.id, measure: 'unit', unitPrice: 1200, quantity: 1 },
    { lineId: 'l2', productId: 'p2', sku: 'B', name: 'B', vatRateId: store.vatRates[0]!.id, measure: 'unit', unitPrice: 799, quantity: 2 },
  ],
});

describe('a loyalty reward as a sale discount', () => {
  it('amount off: the last discount, one ticket-level loyalty discount with the reservation and points, sealed and valid', () => {
    const sale = sold({ ...baseCart(), cartDiscountBp: 1000, reward: amountOff });
    const before = cartTotals({ ...baseCart(), cartDiscountBp: 1000 }, store.vatRates).total;
    expect(sale.total).toBe(before - 500);
    expect(sale.discounts.at(-1)).toEqual({
      source: 'loyalty',
      sourceId: 'club',
      sourceVersion: 3,
      kind: 'amount',
      value: 500,
      amount: 500,
      rewardId: 'r-5',
      reservationId: 'res-1',
      points: 500,
    });
    expect(sale.lines.reduce((a, l) => a + l.net, 0)).toBe(sale.total);
    expect(validateSale(sale, store)).toEqual([]);
  });

  it('the receipt shows the subtotal, the reward with its points, and a total that adds up (FR/EN)', () => {
    const sale = sold({ ...baseCart(), reward: amountOff });
    const text = (receiptLocale: string) =>
      receiptText(buildReceipt(signedSaleRecord(sale, 1), { ...store, receiptLocale }, { width: 42, softwareVersion: '1' }));
    expect(text('fr')).toMatch(/Sous-total +27,98 €\nRécompense fidélité \(500 points\) +-5,00 €\n/);
    expect(text('en')).toMatch(/Loyalty reward \(500 points\) +-€5\.00\n/);
  });

  it('percent off takes its share up to its cap; never more than the goods', () => {
    expect(rewardAmount(percentOff, 2000)).toBe(200);
    expect(rewardAmount(percentOff, 10_000)).toBe(300);
    expect(rewardAmount(amountOff, 300)).toBe(300);
    expect(rewardAmount(amountOff, 0)).toBe(0);
    const sale = sold({ ...baseCart(), reward: percentOff });
    expect(sale.discounts.at(-1)).toMatchObject({ kind: 'percent', value: 1000, maxAmount: 300, amount: 280 });
    expect(validateSale(sale, store)).toEqual([]);
  });

  it('earns on what was paid after the reward', () => {
    const program = testLoyaltyProgram();
    const plain = withLoyaltyEarn(sold(baseCart()), program);
    const rewarded = withLoyaltyEarn(sold({ ...baseCart(), reward: amountOff }), program);
    expect(rewarded.loyalty!.earn.basis).toBeLessThan(plain.loyalty!.earn.basis);
    expect(rewarded.loyalty!.earn.saleTotal).toBe(rewarded.total);
    expect(validateSale(rewarded, store)).toEqual([]);
  });

  it('refuses a forged amount, a line-level reward, two rewards, no member, a return, extra fields', () => {
    const sale = sold({ ...baseCart(), reward: amountOff });
    const loyalty = sale.discounts.at(-1) as Extract<SaleDiscount, { source: 'loyalty' }>;
    const others = sale.discounts.slice(0, -1);
    const codes = (s: SalePayloadV1) => [...new Set(validateSale(s, store).map((p) => p.code))];
    expect(codes({ ...sale, discounts: [...others, { ...loyalty, amount: 600 }] })).toContain('totals');
    expect(codes({ ...sale, discounts: [...others, { ...loyalty, value: 900 }] })).not.toEqual([]);
    expect(codes({ ...sale, discounts: [...others, { ...loyalty, lineId: 'l1' }] })).toContain('loyalty');
    expect(codes({ ...sale, discounts: [...others, loyalty, { ...loyalty, reservationId: 'res-9' }] })).toContain('loyalty');
    const { customerId: _c, ...anonymous } = sale;
    expect(codes(anonymous)).toContain('loyalty');
    expect(codes({ ...sale, kind: 'return' })).toContain('loyalty');
    expect(codes({ ...sale, discounts: [...others, { ...loyalty, name: 'Alice' } as never] })).toEqual(['shape']);
    expect(codes({ ...sale, discounts: [...others, { ...loyalty, points: 0 }] })).toEqual(['shape']);
  });

  it('property: any cart with a reward builds a valid sale whose total never goes below zero', () => {
    fc.assert(
      fc.property(cartArb, fc.integer({ min: 1, max: 100_000 }), fc.boolean(), (cart, value, percent) => {
        const reward: CartReward = { ...amountOff, ...(percent ? { kind: 'percent', value: Math.min(value, 10_000) } : { value }) };
        const sale = sold({ ...cart, reward });
        expect(sale.total).toBeGreaterThanOrEqual(0);
        expect(sale.lines.every((l) => l.net >= 0)).toBe(true);
        expect(validateSale(sale, store)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
