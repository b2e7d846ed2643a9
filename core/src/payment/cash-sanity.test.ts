import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { banknotesOf, quickCashAmounts } from './banknotes';
import { checkCashReceived, FAR_MULTIPLE } from './cash-sanity';

describe('checkCashReceived', () => {
  it('asks about 10,000 € received on a 3.79 € sale (the slip of issue 11)', () => {
    expect(checkCashReceived(1_000_000, 379, 'EUR')).toEqual({ reason: 'change-above-largest-note', change: 999_621 });
  });

  it('asks when the change reaches the largest note (200 €): a forgotten decimal separator on a larger sale', () => {
    expect(checkCashReceived(37_900, 379, 'EUR')?.reason).toBe('change-above-largest-note');
    expect(checkCashReceived(40_000, 20_000, 'EUR')?.reason).toBe('change-above-largest-note');
    expect(checkCashReceived(39_999, 20_000, 'EUR')).toBeNull();
  });

  it('asks about an amount far above the due that is not one note (150 typed for 1,50)', () => {
    expect(checkCashReceived(15_000, 150, 'EUR')).toEqual({ reason: 'far-above-due', change: 14_850 });
    expect(checkCashReceived(4_000, 379, 'EUR')?.reason).toBe('far-above-due');
  });

  it('takes what customers really hand over without a question', () => {
    expect(checkCashReceived(379, 379, 'EUR')).toBeNull(); // exact
    expect(checkCashReceived(200, 379, 'EUR')).toBeNull(); // short: split tender
    expect(checkCashReceived(5_000, 99, 'EUR')).toBeNull(); // one 50 € note for a coffee
    expect(checkCashReceived(20_000, 379, 'EUR')).toBeNull(); // one 200 € note
    expect(checkCashReceived(2_079, 379, 'EUR')).toBeNull(); // 20 € and coins for round change
    expect(checkCashReceived(110, 10, 'EUR')).toBeNull(); // a slip of a few coins is not worth a question
  });

  it('follows the currency: 1000 CHF is a note, 200 CHF of change is not suspicious', () => {
    expect(checkCashReceived(100_000, 50_000, 'CHF')).toBeNull();
    expect(checkCashReceived(200_000, 50_000, 'CHF')?.reason).toBe('change-above-largest-note');
    expect(checkCashReceived(10_000, 500, 'GBP')?.reason).toBe('change-above-largest-note');
  });

  it('a currency without a note table still gets the multiple check', () => {
    expect(checkCashReceived(5_000, 100, 'SEK')?.reason).toBe('far-above-due');
    expect(checkCashReceived(900, 100, 'SEK')).toBeNull();
  });

  it('never asks when no change is due, and always asks past the largest note', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (due, extra) => {
        const check = checkCashReceived(due + extra, due, 'EUR');
        if (extra === 0) expect(check).toBeNull();
        if (extra >= 20_000) expect(check?.reason).toBe('change-above-largest-note');
        if (check?.reason === 'far-above-due') expect(due + extra).toBeGreaterThan(FAR_MULTIPLE * due);
      }),
    );
  });
});

describe('quickCashAmounts', () => {
  it('offers the next notes above the due', () => {
    expect(quickCashAmounts(379, 'EUR', [])).toEqual([500, 1000, 2000, 5000]);
    expect(quickCashAmounts(2_300, 'EUR', [])).toEqual([5000, 10000, 20000]);
    expect(quickCashAmounts(25_000, 'EUR', [])).toEqual([]);
  });

  it("offers the store's own amounts above the due first, also for a currency without a note table", () => {
    expect(banknotesOf('SEK')).toEqual([]);
    expect(quickCashAmounts(379, 'SEK', [500, 1000, 2000])).toEqual([500, 1000, 2000]);
    expect(quickCashAmounts(619, 'EUR', [1000, 20000])).toEqual([1000, 20000]);
    expect(quickCashAmounts(619, 'EUR', [500, 1000, 2000, 5000])).toEqual([1000, 2000, 5000]);
    // None of the store's amounts is above the due: the notes above it.
    expect(quickCashAmounts(6_000, 'EUR', [500, 1000])).toEqual([10000, 20000]);
    expect(quickCashAmounts(379, 'SEK', [])).toEqual([]);
  });
});
