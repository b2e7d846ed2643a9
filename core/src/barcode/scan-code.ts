import { splitAddOn } from './add-on';
import type { Symbology } from './gs1/aim-identifier';
import { GTIN_LENGTHS, hasValidGtinCheckDigit, isDigits, normalizeGtin } from './gtin';
import { expandUpcE } from './upc-e';
import { parseVariableMeasure, type VariableMeasureCode, type VariableMeasureLayout } from './variable-measure';

export type ScanCodeError = 'empty' | 'malformed' | 'check-digit';

/** A 2- or 5-digit EAN/UPC add-on read with the main code: kept for the record, never looked up. */
type WithAddOn = { readonly addOn?: string };

export type ClassifiedCode =
  | ({
      readonly ok: true;
      readonly kind: 'gtin';
      readonly code: string;
      /** Other GTINs the same digits may be, looked up in this order when `code` finds nothing. */
      readonly alternatives?: readonly string[];
    } & WithAddOn)
  | ({ readonly ok: true; readonly kind: 'variable'; readonly code: string } & VariableMeasureCode & WithAddOn)
  | { readonly ok: true; readonly kind: 'internal'; readonly code: string }
  | { readonly ok: false; readonly error: ScanCodeError; readonly code: string };

export type ClassifyOptions = {
  /** What the scanner said it read (AIM identifier): an EAN-8 is then never taken for a UPC-E. */
  readonly symbology?: Symbology;
};

/** Store-internal codes (shelf labels, SKUs printed as Code 128): short, printable, no spaces. */
const INTERNAL_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/;

/**
 * Decides what a scanned or typed code is before any lookup: a GTIN whose check digit must be
 * right, a variable-measure code of the store's layouts, a store-internal code, or garbage.
 *
 * Eight digits are ambiguous: an EAN-8, or a UPC-E (number system 0 or 1) whose check digit is the
 * one of the UPC-A it expands to. Each reading whose check digit is right is kept, EAN-8 first,
 * the UPC-E as its UPC-A in EAN-13 form; the till looks them up in that order and sells the first
 * product found. Both readings are valid for about one code in ten starting with 0 or 1.
 *
 * 15 or 18 digits are an EAN-13 (or UPC-A in EAN-13 form) with a 2- or 5-digit add-on, 17 digits a
 * UPC-A with a 5-digit add-on: the main code is classified, the add-on rides along.
 */
export function classifyCode(raw: string, layouts: readonly VariableMeasureLayout[], options: ClassifyOptions = {}): ClassifiedCode {
  const code = raw.trim();
  if (code === '') return { ok: false, error: 'empty', code };
  if (isDigits(code) && code.length === 8) return classifyEightDigits(code, options.symbology);
  if (isDigits(code) && GTIN_LENGTHS.includes(code.length)) {
    if (!hasValidGtinCheckDigit(code)) return { ok: false, error: 'check-digit', code };
    const gtin = normalizeGtin(code);
    const variable = parseVariableMeasure(gtin, layouts);
    if (variable) return { ok: true, kind: 'variable', code: gtin, ...variable };
    return { ok: true, kind: 'gtin', code: gtin };
  }
  const withAddOn = isDigits(code) ? splitAddOn(code) : undefined;
  if (withAddOn) {
    const main = classifyCode(withAddOn.main, layouts, options);
    return main.ok && main.kind !== 'internal' ? { ...main, addOn: withAddOn.addOn } : main;
  }
  if (isDigits(code) && code.length > 14) return { ok: false, error: 'malformed', code };
  if (INTERNAL_CODE.test(code)) return { ok: true, kind: 'internal', code };
  return { ok: false, error: 'malformed', code };
}

function classifyEightDigits(code: string, symbology: Symbology | undefined): ClassifiedCode {
  const readings: string[] = [];
  if (hasValidGtinCheckDigit(code)) readings.push(code);
  const upcA = symbology === 'ean-8' ? undefined : expandUpcE(code);
  if (upcA) readings.push(normalizeGtin(upcA));
  const [first, ...alternatives] = readings;
  if (first === undefined) return { ok: false, error: 'check-digit', code };
  return alternatives.length > 0 ? { ok: true, kind: 'gtin', code: first, alternatives } : { ok: true, kind: 'gtin', code: first };
}
