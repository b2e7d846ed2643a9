import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weighedAmount } from './weighed-amount';

describe('weighed line amount', () => {
  it('rounds half a cent away from zero', () => {
    expect(weighedAmount(1234, 299)).toBe(369); // 368.966
    expect(weighedAmount(2345, 1990)).toBe(4667); // 4666.55
    expect(weighedAmount(500, 1)).toBe(1); // 0.5
    expect(weighedAmount(499, 1)).toBe(0);
    expect(weighedAmount(1500, 1)).toBe(2);
    expect(weighedAmount(-1500, 1)).toBe(-2); // a refund mirrors its sale
    expect(weighedAmount(1000, 1250)).toBe(1250);
  });

  it('refuses fractions: grams and cents are whole', () => {
    expect(() => weighedAmount(12.5, 100)).toThrow(RangeError);
    expect(() => weighedAmount(100, 9.99)).toThrow(RangeError);
  });

  it('equals the exact amount rounded half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (grams, price) => {
        const exact = BigInt(grams) * BigInt(price);
        const magnitude = exact < 0n ? -exact : exact;
        const rounded = (magnitude * 2n + 1000n) / 2000n;
        expect(weighedAmount(grams, price)).toBe(Number(exact < 0n ? -rounded : rounded));
        expect(weighedAmount(-grams, price)).toBe(-weighedAmount(grams, price) || 0);
      }),
    );
  });
});
