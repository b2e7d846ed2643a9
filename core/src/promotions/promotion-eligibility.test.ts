import { describe, expect, it } from 'vitest';
import { priceWith, sampleLine, samplePromotion } from '../test-support/promotion-samples';
import type { PricingContext } from './basket';
import type { Promotion } from './promotion';
import type { PromotionRejection } from './promotion-eligibility';

const lines = [sampleLine('a', 'P1', 1_000)];
const base = samplePromotion('X', { type: 'percent-off', target: { productIds: ['P1'] }, bp: 1_000 });

/** The reason the rule gave nothing, or 'applied'. */
function outcome(overrides: Partial<Promotion>, context: Partial<PricingContext> = {}): PromotionRejection | 'applied' {
  const priced = priceWith(lines, [{ ...base, ...overrides }], context);
  return priced.applied.length > 0 ? 'applied' : (priced.rejected[0]?.reason ?? 'not_applicable');
}

describe('priceBasket: when, where and for whom a promotion applies', () => {
  it('within its window only: from inclusive, to exclusive', () => {
    const schedule = { from: '2026-12-07T10:00:00Z', to: '2026-12-07T12:00:00Z' };
    expect(outcome({ schedule }, { at: '2026-12-07T09:59:59.999Z' })).toBe('outside_window');
    expect(outcome({ schedule }, { at: '2026-12-07T10:00:00.000Z' })).toBe('applied');
    expect(outcome({ schedule }, { at: '2026-12-07T12:00:00.000Z' })).toBe('outside_window');
    expect(outcome({ schedule: { to: '2026-12-01T00:00:00+01:00' } })).toBe('outside_window');
  });

  it('days and hours are the store’s, whatever zone the machine runs in', () => {
    // 23:30 UTC on Monday is 00:30 on Tuesday in Paris.
    const lateMonday = { at: '2026-12-07T23:30:00Z' };
    expect(outcome({ schedule: { days: [1] } }, lateMonday)).toBe('wrong_day');
    expect(outcome({ schedule: { days: [2] } }, lateMonday)).toBe('applied');
    expect(outcome({ schedule: { days: [2] } }, { ...lateMonday, timeZone: 'UTC' })).toBe('wrong_day');
    // Happy hour 17:00–19:00 Paris; 10:00 UTC is 11:00 Paris.
    expect(outcome({ schedule: { hours: { from: '17:00', to: '19:00' } } })).toBe('outside_hours');
    expect(outcome({ schedule: { hours: { from: '11:00', to: '19:00' } } })).toBe('applied');
    // Night hours run past midnight.
    expect(outcome({ schedule: { hours: { from: '22:00', to: '02:00' } } }, lateMonday)).toBe('applied');
    expect(outcome({ schedule: { hours: { from: '22:00', to: '00:30' } } }, lateMonday)).toBe('outside_hours');
  });

  it('in its stores and channels only', () => {
    expect(outcome({ stores: ['S002'] })).toBe('wrong_store');
    expect(outcome({ stores: ['S002', 'S001'] })).toBe('applied');
    expect(outcome({ channels: ['web'] })).toBe('wrong_channel');
    expect(outcome({ channels: ['web'] }, { channel: 'web' })).toBe('applied');
  });

  it('members only, tiers only', () => {
    expect(outcome({ audience: { kind: 'members' } })).toBe('members_only');
    expect(outcome({ audience: { kind: 'members' } }, { customer: { member: false } })).toBe('members_only');
    expect(outcome({ audience: { kind: 'members' } }, { customer: { member: true } })).toBe('applied');
    expect(outcome({ audience: { kind: 'tiers', tiers: ['gold'] } }, { customer: { member: true, tier: 'silver' } })).toBe('wrong_tier');
    expect(outcome({ audience: { kind: 'tiers', tiers: ['gold'] } }, { customer: { member: true, tier: 'gold' } })).toBe('applied');
  });

  it('a coupon rule needs its code, in any case; a code no rule asks for is reported unknown', () => {
    expect(outcome({ couponCode: 'NOEL25' })).toBe('coupon_missing');
    expect(outcome({ couponCode: 'NOEL25' }, { couponCodes: ['PAQUES'] })).toBe('coupon_missing');
    const priced = priceWith(lines, [{ ...base, couponCode: 'NOEL25' }], { couponCodes: [' noel25 ', 'paques'] });
    expect(priced.applied).toMatchObject([{ promotionId: 'X', source: 'coupon' }]);
    expect(priced.lines[0]?.itemDiscounts[0]?.source).toBe('coupon');
    expect(priced.unknownCoupons).toEqual(['PAQUES']);
  });

  it('a rule in another currency never applies', () => {
    expect(outcome({ currency: 'CHF' })).toBe('wrong_currency');
  });

  it('only rules that concern the basket are reported', () => {
    const other = samplePromotion('other', { type: 'percent-off', target: { productIds: ['P9'] }, bp: 1_000 });
    expect(priceWith(lines, [other]).rejected).toEqual([]);
  });

  it('refuses a basket it cannot price honestly', () => {
    expect(() => priceWith([sampleLine('a', 'P1', 100), sampleLine('a', 'P2', 100)], [])).toThrow(RangeError);
    expect(() => priceWith([sampleLine('a', 'P1', 10.5)], [])).toThrow(RangeError);
    expect(() => priceWith(lines, [], { at: 'yesterday' })).toThrow(RangeError);
    expect(() => priceWith(lines, [], { couponCodes: Array.from({ length: 21 }, (_, i) => `C${i}`) })).toThrow(RangeError);
  });
});
