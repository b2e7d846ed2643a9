import { percentOf } from '../money/money';
import type { AmountOff, PercentOff, QuantityTiers } from './promotion';
import { available, type PoolView, type Take } from './item-pool';

/**
 * Rules that discount each matching item on its own. `runs` are the matching lines, dearest first
 * (ties by line id); a limited rule ("once per order") takes the cheapest items, as Saleor does.
 */
export function itemDiscountTakes(benefit: PercentOff | AmountOff, runs: readonly number[], { pool, state, stackable }: PoolView): Take[] {
  let left = benefit.maxItems ?? Number.POSITIVE_INFINITY;
  const takes: Take[] = [];
  for (let i = runs.length - 1; i >= 0 && left > 0; i--) {
    const line = runs[i] ?? 0;
    const price = pool[line]?.price ?? 0;
    const items = Math.min(available(state, line, stackable), left);
    if (items <= 0) continue;
    // Rounded once on the line's items, as a manual line discount is; an amount never exceeds the item.
    const discount = benefit.type === 'percent-off' ? percentOf(items * price, benefit.bp) : items * Math.min(benefit.amount, price);
    if (discount <= 0) continue;
    left -= items;
    takes.push({ line, items, discount });
  }
  return takes;
}

/** The highest tier the available matching items reach, applied to every one of them. */
export function tierTakes(
  benefit: QuantityTiers,
  runs: readonly number[],
  { pool, state, stackable }: PoolView,
): { takes: Take[]; bp: number } {
  const count = runs.reduce((acc, line) => acc + available(state, line, stackable), 0);
  let bp = 0;
  for (const tier of benefit.tiers) if (count >= tier.minQuantity) bp = tier.bp;
  if (bp === 0) return { takes: [], bp };
  const takes: Take[] = [];
  for (const line of runs) {
    const items = available(state, line, stackable);
    if (items > 0) takes.push({ line, items, discount: percentOf(items * (pool[line]?.price ?? 0), bp) });
  }
  return { takes, bp };
}
