/**
 * Money is an integer count of minor units (cents) with its currency. No floating point ever
 * touches an amount: every division goes through an explicit rounding rule below.
 */
export type CurrencyCode = string;

export type Money = {
  readonly amount: number;
  readonly currency: CurrencyCode;
};

export class CurrencyMismatchError extends Error {
  constructor(a: CurrencyCode, b: CurrencyCode) {
    super(`Cannot combine amounts in ${a} and ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

export function assertMinorUnits(amount: number): number {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Amount must be a safe integer of minor units, got ${amount}`);
  }
  return amount;
}

export function money(amount: number, currency: CurrencyCode): Money {
  return { amount: assertMinorUnits(amount), currency };
}

export function zero(currency: CurrencyCode): Money {
  return { amount: 0, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(currency: CurrencyCode, amounts: readonly Money[]): Money {
  return amounts.reduce((acc, m) => add(acc, m), zero(currency));
}

/**
 * Integer division rounded half away from zero ("arrondi commercial"): 0.5 cent goes up for a
 * sale and down (further from zero) for a refund, so a refund mirrors its sale exactly.
 * `Math.round(-52.5) === -52` is why this is not `Math.round`.
 */
export function divideRoundHalfAwayFromZero(numerator: number, denominator: number): number {
  assertMinorUnits(numerator);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Denominator must be a positive safe integer, got ${denominator}`);
  }
  const negative = numerator < 0;
  const n = Math.abs(numerator);
  const quotient = Math.floor(n / denominator);
  const remainder = n - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return negative && rounded !== 0 ? -rounded : rounded;
}

/** Basis points: 10000 = 100 %. Percentages are kept as integers to stay exact. */
export const FULL_BASIS_POINTS = 10_000;

export function percentOf(amount: number, basisPoints: number): number {
  return divideRoundHalfAwayFromZero(amount * basisPoints, FULL_BASIS_POINTS);
}
