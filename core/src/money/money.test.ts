import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByWeight } from './allocate';
import { roundCash } from './cash-rounding';
import { add, CurrencyMismatchError, divideRoundHalfAwayFromZero, money, percentOf, subtract } from './money';

describe('divideRoundHalfAwayFromZero', () => {
  it('rounds half away from zero on both signs', () => {
    expect(divideRoundHalfAwayFromZero(5, 2)).toBe(3);
    expect(divideRoundHalfAwayFromZero(-5, 2)).toBe(-3);
    expect(divideRoundHalfAwayFromZero(525, 10)).toBe(53);
    expect(divideRoundHalfAwayFromZero(-525, 10)).toBe(-53);
    expect(divideRoundHalfAwayFromZero(524, 10)).toBe(52);
    expect(divideRoundHalfAwayFromZero(0, 7)).toBe(0);
  });

  it('refuses floats and non-positive denominators', () => {
    expect(() => divideRoundHalfAwayFromZero(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfAwayFromZero(1, 0)).toThrow(RangeError);
  });

  it('is symmetric: a refund mirrors its sale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        expect(divideRoundHalfAwayFromZero(-n, d)).toBe(-divideRoundHalfAwayFromZero(n, d) || 0);
      }),
    );
  });

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideRoundHalfAwayFromZero(n, d);
        expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
      }),
    );
  });
});

describe('money', () => {
  it('adds and subtracts in one currency only', () => {
    expect(add(money(150, 'EUR'), money(250, 'EUR'))).toEqual({ amount: 400, currency: 'EUR' });
    expect(subtract(money(150, 'EUR'), money(250, 'EUR')).amount).toBe(-100);
    expect(() => add(money(1, 'EUR'), money(1, 'CHF'))).toThrow(CurrencyMismatchError);
  });

  it('takes a percentage in basis points', () => {
    expect(percentOf(1999, 1000)).toBe(200);
    expect(percentOf(1995, 1000)).toBe(200);
    expect(percentOf(1994, 1000)).toBe(199);
  });
});

describe('allocateByWeight', () => {
  it('splits exactly and deterministically', () => {
    const parts = allocateByWeight(100, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
      { key: 'c', weight: 1 },
    ]);
    expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect(parts.get('a')).toBe(34);
  });

  it('always sums to the total and ignores the order of shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), weight: fc.integer({ min: 1, max: 1e6 }) }), {
          minLength: 1,
          maxLength: 20,
          selector: (s) => s.key,
        }),
        (total, shares) => {
          const forward = allocateByWeight(total, shares);
          const backward = allocateByWeight(total, [...shares].reverse());
          expect([...forward.values()].reduce((a, b) => a + b, 0)).toBe(total);
          for (const s of shares) expect(backward.get(s.key)).toBe(forward.get(s.key));
        },
      ),
    );
  });
});

describe('roundCash', () => {
  it('leaves amounts alone without rounding and rounds to the coin otherwise', () => {
    expect(roundCash(1003, { step: 1 })).toBe(1003);
    expect(roundCash(1003, { step: 5 })).toBe(1005);
    expect(roundCash(1002, { step: 5 })).toBe(1000);
    expect(roundCash(1007, { step: 5 })).toBe(1005);
  });
});
