import { divideRoundHalfAwayFromZero } from '@pos/core';

/**
 * The amount of a weighed line in cents: grams × price per kg / 1000, rounded half away from zero
 * (core's rule for weighed cart lines, so the scale's figure and the cart's agree to the cent, and a
 * refund of a negative weight mirrors its sale). Throws RangeError on non-integer input: a caller bug.
 */
export function weighedAmount(grams: number, pricePerKgCents: number): number {
  if (!Number.isSafeInteger(grams) || !Number.isSafeInteger(pricePerKgCents)) {
    throw new RangeError(`Grams and price per kg must be whole numbers, got ${grams} g at ${pricePerKgCents} per kg`);
  }
  return divideRoundHalfAwayFromZero(grams * pricePerKgCents, 1000);
}
