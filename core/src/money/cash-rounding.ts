import { divideRoundHalfAwayFromZero } from './money';

/**
 * Cash rounding for currencies whose smallest coin is larger than the minor unit (CHF 0.05,
 * or EUR in countries that round to 5 cents). `step` 1 means no rounding (the EUR default in France).
 */
export type CashRounding = { readonly step: number };

export const NO_CASH_ROUNDING: CashRounding = { step: 1 };

export function roundCash(amount: number, rounding: CashRounding): number {
  if (rounding.step <= 1) return amount;
  return divideRoundHalfAwayFromZero(amount, rounding.step) * rounding.step;
}
