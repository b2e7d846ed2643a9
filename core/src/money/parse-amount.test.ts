import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parsePercent, parseWeightGrams } from './parse-amount';

describe('parseAmount', () => {
  it('reads French and English decimals', () => {
    expect(parseAmount('12')).toBe(1200);
    expect(parseAmount('12,5')).toBe(1250);
    expect(parseAmount('12.50')).toBe(1250);
    expect(parseAmount('0,99')).toBe(99);
    expect(parseAmount(' 20 ')).toBe(2000);
    expect(parseAmount('12,')).toBe(1200);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-1', '1,234', '1.2.3', '12,999', '1e3', '∞']) expect(parseAmount(bad)).toBeNull();
  });

  it('property: formats back to what was typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
        expect(parseAmount(text)).toBe(cents);
      }),
    );
  });
});

describe('parsePercent and parseWeightGrams', () => {
  it('reads percentages as basis points', () => {
    expect(parsePercent('10')).toBe(1000);
    expect(parsePercent('12,5 %')).toBe(1250);
    expect(parsePercent('0')).toBeNull();
    expect(parsePercent('101')).toBeNull();
  });

  it('reads kilograms and grams', () => {
    expect(parseWeightGrams('0,532')).toBe(532);
    expect(parseWeightGrams('1.2 kg')).toBe(1200);
    expect(parseWeightGrams('250 g')).toBe(250);
    expect(parseWeightGrams('0')).toBeNull();
    expect(parseWeightGrams('x')).toBeNull();
  });
});
