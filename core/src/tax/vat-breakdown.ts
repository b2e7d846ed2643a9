import { divideRoundHalfAwayFromZero, FULL_BASIS_POINTS } from '../money/money';
import { findVatRate, type VatRate } from './vat-rate';

export type VatBreakdownRow = {
  readonly vatRateId: string;
  readonly rateBp: number;
  readonly code: string;
  /** Total including VAT of every line at this rate, after all discounts. */
  readonly inclusive: number;
  readonly base: number;
  readonly vat: number;
};

/**
 * VAT from VAT-inclusive prices, per rate:
 *   base = round_half_away_from_zero(inclusive × 10000 / (10000 + rateBp)), vat = inclusive − base.
 * The rounding happens once per rate on the rate's inclusive total (never per line), and VAT is the
 * difference, so base + vat = inclusive exactly for every rate and the rows always add up to the
 * amount the customer paid.
 */
export function vatFromInclusive(inclusive: number, rateBp: number): { base: number; vat: number } {
  const base = divideRoundHalfAwayFromZero(inclusive * FULL_BASIS_POINTS, FULL_BASIS_POINTS + rateBp);
  return { base, vat: inclusive - base };
}

export function vatBreakdown(rates: readonly VatRate[], amounts: readonly { vatRateId: string; inclusive: number }[]): VatBreakdownRow[] {
  const byRate = new Map<string, number>();
  for (const a of amounts) byRate.set(a.vatRateId, (byRate.get(a.vatRateId) ?? 0) + a.inclusive);
  const rows: VatBreakdownRow[] = [];
  for (const [vatRateId, inclusive] of byRate) {
    const rate = findVatRate(rates, vatRateId);
    const { base, vat } = vatFromInclusive(inclusive, rate.rateBp);
    rows.push({ vatRateId, rateBp: rate.rateBp, code: rate.code, inclusive, base, vat });
  }
  return rows.sort((a, b) => a.rateBp - b.rateBp || (a.vatRateId < b.vatRateId ? -1 : 1));
}
