import { MAX_AMOUNT } from '../validation/sealed-shapes';
import { denominationsOf } from './denominations';

/**
 * A count of a drawer: how many of each note and coin, keyed by the denomination's value in minor
 * units written in decimal ("2000": 3 means three 20 € notes). Absent denominations count zero.
 */
export type CashCount = Readonly<Record<string, number>>;

/** At most this many of one note or coin in one count. */
export const MAX_COUNT_QUANTITY = 100_000;

/** Why a count is refused: stable codes the page and the host share. */
export type CountProblemCode =
  'count-not-object' | 'count-currency-unknown' | 'count-denomination-unknown' | 'count-quantity-invalid' | 'count-too-large';

/** A refused count: its code and, for a denomination or quantity, the key concerned (at most 20 characters). */
export type CountProblem = { readonly code: CountProblemCode; readonly key?: string };

export class CashCountError extends Error {
  readonly code: CountProblemCode;
  constructor(problem: CountProblem) {
    super(`Cash count refused: ${problem.code}${problem.key === undefined ? '' : ` (${problem.key})`}`);
    this.name = 'CashCountError';
    this.code = problem.code;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function problemOrTotal(value: unknown, currency: string): CountProblem | number {
  if (!isPlainObject(value)) return { code: 'count-not-object' };
  const known = new Set(denominationsOf(currency).map((d) => String(d.value)));
  if (known.size === 0) return { code: 'count-currency-unknown' };
  let total = 0;
  for (const key of Object.keys(value)) {
    if (!known.has(key)) return { code: 'count-denomination-unknown', key: key.slice(0, 20) };
    const quantity = value[key];
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0 || quantity > MAX_COUNT_QUANTITY) {
      return { code: 'count-quantity-invalid', key };
    }
    total += quantity * Number(key);
  }
  return total > MAX_AMOUNT ? { code: 'count-too-large' } : total;
}

/** What is wrong with an untrusted count (what the page sends), or undefined when it is a valid count of `currency`. */
export function countProblem(value: unknown, currency: string): CountProblem | undefined {
  const result = problemOrTotal(value, currency);
  return typeof result === 'number' ? undefined : result;
}

/** The total of a count in minor units; throws a CashCountError (with its code) for a count countProblem refuses. */
export function countTotal(count: CashCount, currency: string): number {
  const result = problemOrTotal(count, currency);
  if (typeof result !== 'number') throw new CashCountError(result);
  return result;
}
