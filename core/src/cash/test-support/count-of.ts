import type { CashCount } from '../cash-count';
import { denominationsOf } from '../denominations';

/** A count whose total is `amount`: the fewest notes and coins, largest first (for tests). */
export function countOf(amount: number, currency = 'EUR'): CashCount {
  const count: Record<string, number> = {};
  let left = amount;
  for (const { value } of denominationsOf(currency)) {
    const quantity = Math.floor(left / value);
    if (quantity > 0) count[String(value)] = quantity;
    left -= quantity * value;
  }
  if (left !== 0) throw new RangeError(`${amount} cannot be counted in ${currency}`);
  return count;
}
