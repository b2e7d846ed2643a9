import { allocateByWeight } from '../money/allocate';
import { percentOf } from '../money/money';
import type { CartAmountOff, CartPercentOff } from './promotion';
import { available, availableValue, type PoolView, type Take } from './item-pool';

/** What a cart rule gives on the state, without spreading it over the lines (for measuring only). */
export function cartAmount(benefit: CartPercentOff | CartAmountOff, view: PoolView): number {
  return cartDiscount(benefit, view).discount;
}

function cartDiscount(
  benefit: CartPercentOff | CartAmountOff,
  { pool, state, stackable }: PoolView,
): { lines: number[]; weights: number[]; discount: number } {
  const lines = pool.filter((l) => available(state, l.index, stackable) > 0).map((l) => l.index);
  const weights = lines.map((line) => Math.max(0, availableValue(pool, state, line, stackable)));
  const base = weights.reduce((acc, w) => acc + w, 0);
  if (base <= 0 || (benefit.minSubtotal !== undefined && base < benefit.minSubtotal)) return { lines, weights, discount: 0 };
  const discount = benefit.type === 'cart-percent-off' ? percentOf(base, benefit.bp) : Math.min(benefit.amount, base);
  return { lines, weights, discount };
}

/**
 * Off the basket: computed once on what the available items are still worth (the items no
 * exclusive rule took; for a stackable rule, after the stackable rules before it), the minimum
 * subtotal read on that same amount, then spread over the lines in proportion (ties by line id).
 */
export function cartTakes(benefit: CartPercentOff | CartAmountOff, view: PoolView): Take[] {
  const { pool, state, stackable } = view;
  const { lines, weights, discount } = cartDiscount(benefit, view);
  if (discount <= 0) return [];
  const shares = allocateByWeight(
    discount,
    lines.map((line, i) => ({ key: pool[line]?.line.lineId ?? '', weight: weights[i] ?? 0 })),
  );
  return lines.map((line) => ({
    line,
    items: available(state, line, stackable),
    discount: shares.get(pool[line]?.line.lineId ?? '') ?? 0,
  }));
}
