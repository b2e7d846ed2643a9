/** GS1 GTIN family: EAN-8, UPC-A (12), EAN-13, GTIN-14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/** Mod-10 check digit over the digits that precede it (weights 3,1,3,… from the right). */
export function gtinCheckDigit(body: string): number {
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    total += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (total % 10)) % 10;
}

export function isDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

export function hasValidGtinCheckDigit(code: string): boolean {
  if (!isDigits(code) || !GTIN_LENGTHS.includes(code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

export function withGtinCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}

/**
 * One spelling per product: UPC-A is stored as its EAN-13 form (leading 0) and a GTIN-14 with
 * indicator 0 as its EAN-13, so a code scanned in either form finds the same product.
 */
export function normalizeGtin(code: string): string {
  if (code.length === 12) return `0${code}`;
  if (code.length === 14 && code.startsWith('0')) return code.slice(1);
  return code;
}

/**
 * The spellings a GTIN may be stored under, in lookup order: its normalised form, then, for a
 * GTIN-8 padded with zeros to 13 or 14 digits (GS1 element strings always carry 14), its 8 digits,
 * the spelling a scanned EAN-8 is stored under.
 */
export function gtinLookupCodes(code: string): string[] {
  const normalized = normalizeGtin(code);
  return normalized.length === 13 && normalized.startsWith('00000') ? [normalized, normalized.slice(5)] : [normalized];
}
