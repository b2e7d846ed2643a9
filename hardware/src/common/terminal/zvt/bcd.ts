import { maskCardNumber } from '../display-text';

/**
 * Packed BCD as ZVT uses it: two decimal digits per byte, high nibble first, left-padded with
 * zeros (amount 12.34 € = 6 bytes 00 00 00 00 12 34; currency 978 = 09 78; password 000000 = 00 00 00).
 */

/** `digits` left-padded to `byteLength` bytes; null if not digits or too long. */
export function encodeBcd(digits: string, byteLength: number): Uint8Array | null {
  if (!/^\d*$/.test(digits) || digits.length > byteLength * 2) return null;
  const padded = digits.padStart(byteLength * 2, '0');
  const bytes = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) bytes[i] = (Number(padded[2 * i]) << 4) | Number(padded[2 * i + 1]);
  return bytes;
}

/** The digits, or null when a nibble is not 0–9 (a corrupted or non-BCD field). */
export function decodeBcd(bytes: Uint8Array): string | null {
  let digits = '';
  for (const byte of bytes) {
    const high = byte >> 4;
    const low = byte & 0x0f;
    if (high > 9 || low > 9) return null;
    digits += `${high}${low}`;
  }
  return digits;
}

export const AMOUNT_BYTES = 6;
export const MAX_BCD_AMOUNT = 999_999_999_999;

export function encodeAmount(minorUnits: number): Uint8Array | null {
  if (!Number.isSafeInteger(minorUnits) || minorUnits < 0 || minorUnits > MAX_BCD_AMOUNT) return null;
  return encodeBcd(String(minorUnits), AMOUNT_BYTES);
}

export function decodeAmount(bytes: Uint8Array): number | null {
  const digits = decodeBcd(bytes);
  return digits === null ? null : Number(digits);
}

/**
 * The card number of BMP 22, for display only. Its nibbles, as real terminals send them:
 * 0–9 digits; E a digit the terminal masked; F padding (an odd count, or fillers); D the track-2
 * separator, after which come the expiry date and service code, which are dropped, never kept.
 * wirelane/ecrterm's tests hold such a frame: 59 66 66 66 66 D2 00 21 22 01 00 → "5966666666".
 * A–C mean nothing in a card number: null, and the caller leaves the field out (never fatal).
 */
export function decodeMaskedPan(bytes: Uint8Array): string | null {
  let pan = '';
  for (const nibble of [...bytes].flatMap((byte) => [byte >> 4, byte & 0x0f])) {
    if (nibble <= 9) pan += String(nibble);
    else if (nibble === 0x0e) pan += '*';
    else if (nibble === 0x0d) break;
    else if (nibble !== 0x0f) return null;
  }
  return pan;
}

/** ISO/IEC 7812: a card number has at most 19 digits. */
export const MAX_PAN_LENGTH = 19;

/**
 * A decoded card number as the till may keep it: digits beyond the first 6 and the last 4 masked,
 * whether or not the terminal masked them; null when it cannot be a card number (too long).
 */
export function panForDisplay(pan: string): string | null {
  return pan.length === 0 || pan.length > MAX_PAN_LENGTH ? null : maskCardNumber(pan);
}

/** The inverse, for the simulator: digits and '*' (masked), padded with F to whole bytes. */
export function encodeMaskedPan(pan: string): Uint8Array | null {
  if (!/^[\d*]+$/.test(pan)) return null;
  const nibbles = [...pan].map((char) => (char === '*' ? 0x0e : Number(char)));
  if (nibbles.length % 2 === 1) nibbles.push(0x0f);
  const bytes = new Uint8Array(nibbles.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = ((nibbles[2 * i] ?? 0) << 4) | (nibbles[2 * i + 1] ?? 0);
  return bytes;
}
