/**
 * Reads what a cashier types: "12", "12,5", "12.50", "0,99". Comma or point as the decimal
 * separator, no thousands separators, at most `fractionDigits` decimals. Null when it is not an
 * amount, so the UI can say so instead of guessing.
 */
export function parseAmount(text: string, fractionDigits = 2): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return null;
  const [, units, fraction = ''] = match;
  if (fraction.length > fractionDigits) return null;
  return Number(units) * 10 ** fractionDigits + Number(fraction.padEnd(fractionDigits, '0') || '0');
}

/** "10" → 1000 basis points, "12,5" → 1250; at most two decimals, 0 < p ≤ 100. */
export function parsePercent(text: string): number | null {
  const bp = parseAmount(text.replace('%', ''), 2);
  if (bp === null || bp <= 0 || bp > 10_000) return null;
  return bp;
}

/** A weight typed in kilograms ("0,532") or grams ("532 g") → grams. */
export function parseWeightGrams(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t.endsWith('g') && !t.endsWith('kg')) {
    const grams = parseAmount(t.slice(0, -1), 0);
    return grams !== null && grams > 0 ? grams : null;
  }
  const grams = parseAmount(t.replace(/kg$/, ''), 3);
  return grams !== null && grams > 0 ? grams : null;
}
