import { assertMinorUnits } from './money';

export type AllocationShare = { readonly key: string; readonly weight: number };

/**
 * Splits `total` across shares in proportion to their weights so that the parts are integers
 * summing exactly to `total` (largest-remainder method). Ties on the remainder are broken by key,
 * never by position, so reordering the shares never changes anyone's part.
 */
export function allocateByWeight(total: number, shares: readonly AllocationShare[]): Map<string, number> {
  assertMinorUnits(total);
  const result = new Map<string, number>();
  const totalWeight = shares.reduce((acc, s) => acc + s.weight, 0);
  if (shares.length === 0) return result;
  if (totalWeight <= 0) {
    for (const s of shares) result.set(s.key, 0);
    if (total !== 0) throw new RangeError('Cannot allocate a non-zero amount over zero weight');
    return result;
  }
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const parts = shares.map((s) => {
    const exact = magnitude * s.weight;
    const floor = Math.floor(exact / totalWeight);
    return { key: s.key, floor, remainder: exact - floor * totalWeight };
  });
  let left = magnitude - parts.reduce((acc, p) => acc + p.floor, 0);
  const byRemainder = [...parts].sort((a, b) =>
    b.remainder !== a.remainder ? b.remainder - a.remainder : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const bonus = new Set<string>();
  for (const p of byRemainder) {
    if (left <= 0) break;
    bonus.add(p.key);
    left -= 1;
  }
  for (const p of parts) result.set(p.key, sign * (p.floor + (bonus.has(p.key) ? 1 : 0)));
  return result;
}
