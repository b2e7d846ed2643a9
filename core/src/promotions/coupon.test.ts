import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addProduct, emptyCart, type Cart } from '../cart/cart';
import { cartTotals } from '../cart/totals';
import { demoStoreProfile } from '../demo/demo-store';
import { cashTender } from '../payment/payment-state';
import { buildSale } from '../sale/sale';
import { validateSale } from '../sale/validate-sale';
import { CARD_CODE_ALPHABET } from '../stored-value/card-code';
import { promoProduct } from '../test-support/promotion-cart';
import { MONDAY_11H_PARIS, samplePromotion } from '../test-support/promotion-samples';
import { demoSaleContext } from '../test-support/sample-sale';
import { applyPromotions } from './cart-promotions';
import { compilePromotions } from './compile-promotions';
import { couponPolicyProblems, presentedCouponCode } from './coupon';
import { addCartCoupon, removeCartCoupon, saleCoupons } from './coupon-cart';
import { newSingleUseCouponCode, SINGLE_USE_CODE_LENGTH } from './coupon-code';
import { checkCouponReservation, CouponRefusal, couponUsage, type CouponUse } from './coupon-usage';
import { salePricingContext, salePromotionProblems } from './sale-promotion-check';
import { promotionProblems } from './validate-promotion';

const store = demoStoreProfile();
const context = { at: MONDAY_11H_PARIS, timeZone: 'Europe/Paris', storeId: 'S001', channel: 'store' as const };
const AT = '2026-12-07T10:00:00.000Z';
const LATER = '2026-12-07T10:15:00.000Z';
const summer = samplePromotion(
  'summer',
  { type: 'cart-percent-off', bp: 1_000 },
  { couponCode: 'SUMMER10', coupon: { kind: 'shared', usageLimit: 2 } },
);
const welcome = samplePromotion(
  'welcome',
  { type: 'percent-off', target: { categories: ['tops'] }, bp: 2_000 },
  { couponCode: 'WELCOME', coupon: { kind: 'single-use' } },
);
const set = compilePromotions([summer, welcome]);

function refusal(work: () => void): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof CouponRefusal) return error.code;
    throw error;
  }
  return undefined;
}

describe('coupon policies and codes', () => {
  it('a promotion may carry a shared or single-use policy, only with its code; anything else is refused', () => {
    expect(promotionProblems(summer)).toEqual([]);
    expect(promotionProblems(welcome)).toEqual([]);
    const { couponCode: _c, ...withoutCode } = summer;
    expect(promotionProblems(withoutCode).map((p) => p.code)).toEqual(['coupon']);
    expect(couponPolicyProblems({ kind: 'shared', usageLimit: 0 })).not.toEqual([]);
    expect(couponPolicyProblems({ kind: 'single-use', budget: 100 })).not.toEqual([]);
    expect(couponPolicyProblems({ kind: 'shared', budget: 5_000, oncePerCustomer: true })).toEqual([]);
    expect(promotionProblems({ ...summer, coupon: { kind: 'batch' } }).map((p) => p.code)).toEqual(['shape']);
  });

  it('single-use codes are 12 characters of the card alphabet, from the random bytes only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = newSingleUseCouponCode(bytes);
        expect(code).toHaveLength(SINGLE_USE_CODE_LENGTH);
        expect([...code].every((c) => CARD_CODE_ALPHABET.includes(c))).toBe(true);
        expect(presentedCouponCode(code.toLowerCase())).toBe(code);
        expect(newSingleUseCouponCode(bytes)).toBe(code);
      }),
    );
    expect(newSingleUseCouponCode(new Uint8Array(8).fill(255))).not.toBe(newSingleUseCouponCode(new Uint8Array(8)));
    expect(() => newSingleUseCouponCode(new Uint8Array(7))).toThrow(RangeError);
  });

  it('a presented code is bounded and normalised before anything reads it', () => {
    expect(presentedCouponCode('  summer10 ')).toBe('SUMMER10');
    expect(presentedCouponCode('x')).toBeNull();
    expect(presentedCouponCode('a b c')).toBeNull();
    expect(presentedCouponCode('A'.repeat(65))).toBeNull();
    expect(presentedCouponCode(42)).toBeNull();
  });
});

describe('checking a reservation against the uses', () => {
  const use = (over: Partial<CouponUse>): CouponUse => ({ useId: 'u', code: 'SUMMER10', amount: 100, state: 'consumed', ...over });

  it('a single-use code is held once: used or reserved and not run out', () => {
    const ask = { code: 'K7QM2XD4HTRP', amount: 100 };
    const policy = { kind: 'single-use' } as const;
    expect(refusal(() => checkCouponReservation(policy, [], ask, AT))).toBeUndefined();
    expect(refusal(() => checkCouponReservation(policy, [use({ code: ask.code })], ask, AT))).toBe('coupon_used');
    expect(refusal(() => checkCouponReservation(policy, [use({ code: ask.code, state: 'reserved', until: LATER })], ask, AT))).toBe(
      'coupon_used',
    );
    // Run out, released, or another code: free.
    expect(refusal(() => checkCouponReservation(policy, [use({ code: ask.code, state: 'reserved', until: AT })], ask, AT))).toBeUndefined();
    expect(refusal(() => checkCouponReservation(policy, [use({ code: ask.code, state: 'released' })], ask, AT))).toBeUndefined();
    expect(refusal(() => checkCouponReservation(policy, [use({ code: 'OTHER' })], ask, AT))).toBeUndefined();
  });

  it('usage limit, budget and once per customer count what is consumed and still held', () => {
    const limited = { kind: 'shared', usageLimit: 2 } as const;
    const ask = { code: 'SUMMER10', amount: 300, customerId: 'c1' };
    expect(refusal(() => checkCouponReservation(limited, [use({})], ask, AT))).toBeUndefined();
    expect(refusal(() => checkCouponReservation(limited, [use({}), use({ state: 'reserved', until: LATER })], ask, AT))).toBe(
      'coupon_limit_reached',
    );
    const budget = { kind: 'shared', budget: 1_000 } as const;
    expect(refusal(() => checkCouponReservation(budget, [use({ amount: 700 })], ask, AT))).toBeUndefined();
    expect(() => checkCouponReservation(budget, [use({ amount: 800 })], ask, AT)).toThrow(
      expect.objectContaining({ code: 'coupon_budget_exhausted', values: { left: 200 } }),
    );
    const once = { kind: 'shared', oncePerCustomer: true } as const;
    expect(refusal(() => checkCouponReservation(once, [use({ customerId: 'c2' })], ask, AT))).toBeUndefined();
    expect(refusal(() => checkCouponReservation(once, [use({ customerId: 'c1' })], ask, AT))).toBe('coupon_once_per_customer');
    expect(refusal(() => checkCouponReservation(once, [], { code: 'SUMMER10', amount: 1 }, AT))).toBe('coupon_needs_customer');
    expect(couponUsage([use({}), use({ state: 'reserved', until: LATER, amount: 50 }), use({ state: 'released' })], AT)).toEqual({
      used: 1,
      held: 1,
      given: 150,
    });
  });

  it('of any uses, never more than the limit can be held: each accepted reservation is one more use', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 12 }), (limit, amounts) => {
        const policy = { kind: 'shared', usageLimit: limit, budget: 1_000 } as const;
        const uses: CouponUse[] = [];
        for (const [i, amount] of amounts.entries()) {
          if (refusal(() => checkCouponReservation(policy, uses, { code: 'SUMMER10', amount }, AT)) === undefined) {
            uses.push(use({ useId: `u${i}`, amount }));
          }
        }
        expect(uses.length).toBeLessThanOrEqual(limit);
        expect(uses.reduce((acc, u) => acc + u.amount, 0)).toBeLessThanOrEqual(1_000);
      }),
    );
  });
});

describe('coupons in the cart and the sale', () => {
  const tee = promoProduct('tee', 1_000, 'tops');

  function cart(): Cart {
    return addProduct(emptyCart('sale-coupon-1', 'EUR', MONDAY_11H_PARIS), tee, { lineId: 'l1', quantity: 2 });
  }

  it('a single-use code prices the cart with its promotion and is sealed with each coupon discount', () => {
    const plain = applyPromotions(cart(), set, context);
    expect(plain.promotions).toBeUndefined();
    const withCoupon = applyPromotions(
      addCartCoupon(cart(), { code: 'K7QM2XD4HTRP', promotionId: 'welcome', reservationId: 'r1' }),
      set,
      context,
    );
    expect(withCoupon.promotions).toEqual([
      {
        lineId: 'l1',
        source: 'coupon',
        sourceId: 'welcome',
        sourceVersion: 1,
        kind: 'percent',
        value: 2_000,
        amount: 400,
        couponCode: 'K7QM2XD4HTRP',
      },
    ]);
    const total = cartTotals(withCoupon, store.vatRates).total;
    expect(total).toBe(1_600);
    const sale = buildSale(
      withCoupon,
      [cashTender('cash-1', total, [], total, store.cashRounding)],
      demoSaleContext({ completedAt: '2026-12-07T10:05:00.000Z' }, store),
    );
    expect(sale.discounts).toEqual([expect.objectContaining({ source: 'coupon', sourceId: 'welcome', couponCode: 'K7QM2XD4HTRP' })]);
    expect(validateSale(sale, store)).toEqual([]);
    expect(salePromotionProblems(sale, set, salePricingContext(sale, 'Europe/Paris'))).toEqual([]);
    expect(saleCoupons(sale.discounts)).toEqual([{ promotionId: 'welcome', version: 1, code: 'K7QM2XD4HTRP', amount: 400 }]);
    // Removing the coupon gives the discount back.
    expect(applyPromotions(removeCartCoupon(withCoupon, 'K7QM2XD4HTRP'), set, context).promotions).toBeUndefined();
  });

  it('a cart holds one code a promotion and at most five coupons', () => {
    let c = addCartCoupon(cart(), { code: 'SUMMER10', promotionId: 'summer' });
    expect(refusal(() => addCartCoupon(c, { code: 'SUMMER10', promotionId: 'summer' }))).toBe('coupon_cart_full');
    for (const i of [1, 2, 3, 4]) c = addCartCoupon(c, { code: `CODE${i}`, promotionId: `p${i}` });
    expect(refusal(() => addCartCoupon(c, { code: 'CODE5', promotionId: 'p5' }))).toBe('coupon_cart_full');
  });
});
