import { hasValidGtinCheckDigit } from './gtin';

/**
 * UPC-E is a UPC-A with its zeros suppressed: number system (0 or 1), six digits, and the check
 * digit of the UPC-A it stands for. Its last data digit says where the zeros went (GS1 General
 * Specifications, UPC-E zero-suppression):
 *   0–2: NS d1 d2 d6 0000 d3 d4 d5    3: NS d1 d2 d3 00000 d4 d5
 *     4: NS d1 d2 d3 d4 00000 d5    5–9: NS d1 d2 d3 d4 d5 0000 d6
 * Returns the 12-digit UPC-A, or undefined when `code` is not a UPC-E whose check digit is right.
 */
export function expandUpcE(code: string): string | undefined {
  if (!/^[01][0-9]{7}$/.test(code)) return undefined;
  const ns = code.charAt(0);
  const [d1, d2, d3, d4, d5, d6] = code.slice(1, 7);
  const check = code.charAt(7);
  let body: string;
  if (d6 === '0' || d6 === '1' || d6 === '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  const upcA = ns + body + check;
  return hasValidGtinCheckDigit(upcA) ? upcA : undefined;
}
