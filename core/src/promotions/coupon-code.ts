import { CARD_CODE_ALPHABET } from '../stored-value/card-code';

/** Characters of a single-use code: 12 of 5 bits, 60 random bits (from 8 bytes). */
export const SINGLE_USE_CODE_LENGTH = 12;
export const SINGLE_USE_CODE_RANDOM_BYTES = 8;

/**
 * A new single-use code from `randomBytes` (at least 8, from the platform's cryptographic generator,
 * never Math.random): 12 characters of the card codes' alphabet (no 0, O, 1 or I), 60 random bits.
 * A guess finds one of a million live codes once in 10¹² tries, and each try costs a request the hub
 * rate-limits per device. No dashes: what a cashier types is what the hub compares.
 */
export function newSingleUseCouponCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < SINGLE_USE_CODE_RANDOM_BYTES) {
    throw new RangeError(`A single-use code needs ${SINGLE_USE_CODE_RANDOM_BYTES} random bytes`);
  }
  let bits = 0n;
  for (const byte of randomBytes.subarray(0, SINGLE_USE_CODE_RANDOM_BYTES)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < SINGLE_USE_CODE_LENGTH; i += 1) code += CARD_CODE_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return code;
}
