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
 * A PAN in BCD where E stands for a masked digit and a trailing F pads an odd count
 * (BMP 22): 0x67 0x34 0xEE 0xEE 0x12 0x3F → "673 4** **12 3" without spaces.
 */
export function decodeMaskedPan(bytes: Uint8Array): string | null {
  let pan = '';
  const nibbles = [...bytes].flatMap((byte) => [byte >> 4, byte & 0x0f]);
  for (const [i, nibble] of nibbles.entries()) {
    if (nibble <= 9) pan += String(nibble);
    else if (nibble === 0x0e) pan += '*';
    else if (nibble !== 0x0f || i !== nibbles.length - 1) return null;
  }
  return pan;
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
