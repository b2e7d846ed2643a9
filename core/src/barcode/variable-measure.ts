import { withGtinCheckDigit } from './gtin';

/**
 * A store's layout for GS1 variable-measure EAN-13 codes (prefixes 02 and 20–29), printed by scales
 * and labellers: prefix + item reference + embedded value + check digit. Layouts are store data.
 */
export type VariableMeasureLayout = {
  readonly id: string;
  readonly prefixes: readonly string[];
  readonly itemDigits: number;
  readonly valueDigits: number;
  /** weight in grams, or price in minor units. */
  readonly valueKind: 'weight_g' | 'price_minor';
};

export type VariableMeasureCode = {
  readonly layoutId: string;
  readonly valueKind: VariableMeasureLayout['valueKind'];
  readonly value: number;
  /** The code the product is registered under: same prefix and item, value zeroed, check digit redone. */
  readonly lookupCode: string;
};

export const VARIABLE_MEASURE_PREFIXES: readonly string[] = ['02', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29'];

export function validateLayout(layout: VariableMeasureLayout): string | null {
  const prefixLength = 2;
  if (prefixLength + layout.itemDigits + layout.valueDigits + 1 !== 13) {
    return `Layout ${layout.id}: prefix (2) + item (${layout.itemDigits}) + value (${layout.valueDigits}) + check digit must make 13 digits`;
  }
  const foreign = layout.prefixes.filter((p) => !VARIABLE_MEASURE_PREFIXES.includes(p));
  if (foreign.length > 0) return `Layout ${layout.id}: ${foreign.join(', ')} is not a GS1 variable-measure prefix`;
  return null;
}

/** Expects a valid EAN-13 (check digit already verified). Returns null when no layout covers its prefix. */
export function parseVariableMeasure(ean13: string, layouts: readonly VariableMeasureLayout[]): VariableMeasureCode | null {
  if (ean13.length !== 13) return null;
  const prefix = ean13.slice(0, 2);
  const layout = layouts.find((l) => l.prefixes.includes(prefix));
  if (!layout) return null;
  const itemEnd = 2 + layout.itemDigits;
  const valueText = ean13.slice(itemEnd, itemEnd + layout.valueDigits);
  const lookupBody = ean13.slice(0, itemEnd) + '0'.repeat(layout.valueDigits);
  return {
    layoutId: layout.id,
    valueKind: layout.valueKind,
    value: Number.parseInt(valueText, 10),
    lookupCode: withGtinCheckDigit(lookupBody),
  };
}

/** The code a labeller prints for `itemCode` carrying `value` (used by the demo store and tests). */
export function encodeVariableMeasure(prefix: string, itemCode: string, value: number, layout: VariableMeasureLayout): string {
  const item = itemCode.padStart(layout.itemDigits, '0');
  const valueText = String(value).padStart(layout.valueDigits, '0');
  if (item.length !== layout.itemDigits || valueText.length !== layout.valueDigits) {
    throw new RangeError(`Item ${itemCode} or value ${value} does not fit layout ${layout.id}`);
  }
  return withGtinCheckDigit(prefix + item + valueText);
}
