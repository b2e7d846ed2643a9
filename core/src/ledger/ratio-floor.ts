/**
 * floor(product of `up` ÷ product of `down`) exactly, whatever the size of the products: points of
 * a basis, a share of what was earned. Every factor is a non-negative whole number, `down` above 0.
 */
export function ratioFloor(up: readonly number[], down: readonly number[]): number {
  const product = (values: readonly number[]) => values.reduce((acc, v) => acc * BigInt(v), 1n);
  return Number(product(up) / product(down));
}
