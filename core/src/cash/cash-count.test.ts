import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickCashAmounts } from '../payment/banknotes';
import { CashCountError, countProblem, countTotal, MAX_COUNT_QUANTITY } from './cash-count';
import { DENOMINATIONS, denominationsOf } from './denominations';

describe('DENOMINATIONS', () => {
  it('lists the EUR notes (500 € included) and coins, largest first', () => {
    const eur = denominationsOf('EUR');
    expect(eur.filter((d) => d.kind === 'note').map((d) => d.value)).toEqual([50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500]);
    expect(eur.filter((d) => d.kind === 'coin').map((d) => d.value)).toEqual([200, 100, 50, 20, 10, 5, 2, 1]);
    expect(eur.map((d) => d.value)).toEqual([...eur.map((d) => d.value)].sort((a, b) => b - a));
    expect(Object.isFrozen(DENOMINATIONS.EUR)).toBe(true);
  });

  it('holds every note the quick cash buttons offer', () => {
    const values = new Set(denominationsOf('EUR').map((d) => d.value));
    for (const amount of quickCashAmounts(1, 'EUR', [], 10)) expect(values.has(amount)).toBe(true);
  });

  it('has nothing for a currency it does not know, nor for inherited names', () => {
    expect(denominationsOf('XXX')).toEqual([]);
    expect(denominationsOf('constructor')).toEqual([]);
  });
});

describe('countTotal', () => {
  it('adds notes and coins in minor units', () => {
    // 2 × 50 €, 3 × 20 €, 1 × 2 €, 4 × 1 c, none of 10 €.
    expect(countTotal({ '5000': 2, '2000': 3, '200': 1, '1': 4, '1000': 0 }, 'EUR')).toBe(16_204);
    expect(countTotal({}, 'EUR')).toBe(0);
    expect(countTotal({ '50000': 1 }, 'EUR')).toBe(50_000);
  });

  it('throws a CashCountError with the stable code of a refused count', () => {
    const error = (() => {
      try {
        countTotal({ '300': 1 }, 'EUR');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CashCountError);
    expect((error as CashCountError).code).toBe('count-denomination-unknown');
  });

  it('is the sum of value × quantity for any valid count', () => {
    const eur = denominationsOf('EUR');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: eur.length, maxLength: eur.length }), (quantities) => {
        const count = Object.fromEntries(eur.map((d, i) => [String(d.value), quantities[i] ?? 0]));
        expect(countProblem(count, 'EUR')).toBeUndefined();
        expect(countTotal(count, 'EUR')).toBe(eur.reduce((acc, d, i) => acc + d.value * (quantities[i] ?? 0), 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('countProblem', () => {
  it.each([
    [null, 'count-not-object'],
    [[1, 2], 'count-not-object'],
    ['{"500":1}', 'count-not-object'],
    [new Date(), 'count-not-object'],
    [{ '300': 1 }, 'count-denomination-unknown'],
    [{ '0500': 1 }, 'count-denomination-unknown'],
    [{ '5e2': 1 }, 'count-denomination-unknown'],
    [{ '500.0': 1 }, 'count-denomination-unknown'],
    [JSON.parse('{"__proto__": 1}'), 'count-denomination-unknown'],
    [{ '500': -1 }, 'count-quantity-invalid'],
    [{ '500': 1.5 }, 'count-quantity-invalid'],
    [{ '500': '3' }, 'count-quantity-invalid'],
    [{ '500': Number.NaN }, 'count-quantity-invalid'],
    [{ '500': MAX_COUNT_QUANTITY + 1 }, 'count-quantity-invalid'],
    // 100 000 notes of 500 € and of 200 €: 70 million euros, above any drawer.
    [{ '50000': MAX_COUNT_QUANTITY, '20000': MAX_COUNT_QUANTITY }, 'count-too-large'],
  ])('refuses %j with %s', (value, code) => {
    expect(countProblem(value, 'EUR')?.code).toBe(code);
  });

  it('names the denomination at fault, cut short', () => {
    expect(countProblem({ ['9'.repeat(50)]: 1 }, 'EUR')).toEqual({ code: 'count-denomination-unknown', key: '9'.repeat(20) });
    expect(countProblem({ '200': -2 }, 'EUR')).toEqual({ code: 'count-quantity-invalid', key: '200' });
  });

  it('refuses a currency without denominations', () => {
    expect(countProblem({}, 'XXX')).toEqual({ code: 'count-currency-unknown' });
  });

  it('takes the largest quantity of every denomination, and objects without a prototype', () => {
    const full = Object.fromEntries(denominationsOf('EUR').map((d) => [String(d.value), d.value >= 10_000 ? 0 : MAX_COUNT_QUANTITY]));
    expect(countProblem(full, 'EUR')).toBeUndefined();
    expect(countProblem(Object.assign(Object.create(null) as object, { '100': 2 }), 'EUR')).toBeUndefined();
  });
});
