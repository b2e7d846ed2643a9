import { GTIN_LENGTHS, hasValidGtinCheckDigit, isDigits, normalizeGtin } from './gtin';
import { parseVariableMeasure, type VariableMeasureCode, type VariableMeasureLayout } from './variable-measure';

export type ScanCodeError = 'empty' | 'malformed' | 'check-digit';

export type ClassifiedCode =
  | { readonly ok: true; readonly kind: 'gtin'; readonly code: string }
  | ({ readonly ok: true; readonly kind: 'variable'; readonly code: string } & VariableMeasureCode)
  | { readonly ok: true; readonly kind: 'internal'; readonly code: string }
  | { readonly ok: false; readonly error: ScanCodeError; readonly code: string };

/** Store-internal codes (shelf labels, SKUs printed as Code 128): short, printable, no spaces. */
const INTERNAL_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/;

/**
 * Decides what a scanned or typed code is before any lookup: a GTIN whose check digit must be
 * right, a variable-measure code of the store's layouts, a store-internal code, or garbage.
 */
export function classifyCode(raw: string, layouts: readonly VariableMeasureLayout[]): ClassifiedCode {
  const code = raw.trim();
  if (code === '') return { ok: false, error: 'empty', code };
  if (isDigits(code) && GTIN_LENGTHS.includes(code.length)) {
    if (!hasValidGtinCheckDigit(code)) return { ok: false, error: 'check-digit', code };
    const gtin = normalizeGtin(code);
    const variable = parseVariableMeasure(gtin, layouts);
    if (variable) return { ok: true, kind: 'variable', code: gtin, ...variable };
    return { ok: true, kind: 'gtin', code: gtin };
  }
  if (isDigits(code) && code.length > 14) return { ok: false, error: 'malformed', code };
  if (INTERNAL_CODE.test(code)) return { ok: true, kind: 'internal', code };
  return { ok: false, error: 'malformed', code };
}
