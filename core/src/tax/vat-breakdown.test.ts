import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRENCH_VAT_RATES } from '../demo/demo-store';
import { vatBreakdown, vatFromInclusive } from './vat-breakdown';

describe('vatFromInclusive', () => {
  it('extracts VAT from inclusive prices at French rates', () => {
    expect(vatFromInclusive(1200, 2000)).toEqual({ base: 1000, vat: 200 });
    expect(vatFromInclusive(100, 550)).toEqual({ base: 95, vat: 5 });
    expect(vatFromInclusive(1100, 1000)).toEqual({ base: 1000, vat: 100 });
    expect(vatFromInclusive(102, 210)).toEqual({ base: 100, vat: 2 });
    expect(vatFromInclusive(-1200, 2000)).toEqual({ base: -1000, vat: -200 });
  });

  it('property: base + VAT is the inclusive amount, and VAT is never negative on a sale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...FRENCH_VAT_RATES.map((r) => r.rateBp)), (inclusive, bp) => {
        const { base, vat } = vatFromInclusive(inclusive, bp);
        expect(base + vat).toBe(inclusive);
        expect(vat).toBeGreaterThanOrEqual(0);
        // VAT is within a cent of the exact figure.
        expect(Math.abs(vat - (inclusive * bp) / (10000 + bp))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('vatBreakdown', () => {
  it('groups by rate and sorts by rate', () => {
    const rows = vatBreakdown(FRENCH_VAT_RATES, [
      { vatRateId: 'FR-20', inclusive: 600 },
      { vatRateId: 'FR-5.5', inclusive: 211 },
      { vatRateId: 'FR-20', inclusive: 600 },
    ]);
    expect(rows.map((r) => r.vatRateId)).toEqual(['FR-5.5', 'FR-20']);
    expect(rows[1]).toMatchObject({ inclusive: 1200, base: 1000, vat: 200 });
  });

  it('refuses an unknown rate', () => {
    expect(() => vatBreakdown(FRENCH_VAT_RATES, [{ vatRateId: 'XX', inclusive: 1 }])).toThrow(/Unknown VAT rate/);
  });
});
