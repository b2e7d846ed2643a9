import { CashCountError, countTotal, MAX_COUNT_QUANTITY, type CashCount, type CountProblemCode } from '@pos/core';

/** What the cashier typed per denomination (its value in minor units, in decimal): "" is none. */
export type QuantityTexts = Readonly<Record<string, string>>;

export type CountEntry =
  | { readonly ok: true; readonly count: CashCount; readonly total: number }
  | { readonly ok: false; readonly code: CountProblemCode; readonly key?: string };

/** A quantity as typed: a whole number of notes or coins, blank for none; null when it is not one. */
export function quantityOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const quantity = Number(trimmed);
  return quantity <= MAX_COUNT_QUANTITY ? quantity : null;
}

/** The count as the host takes it (only what was counted) and its total, or why it cannot be one. */
export function countEntry(texts: QuantityTexts, currency: string): CountEntry {
  const count: Record<string, number> = {};
  for (const [key, text] of Object.entries(texts)) {
    const quantity = quantityOf(text);
    if (quantity === null) return { ok: false, code: 'count-quantity-invalid', key };
    if (quantity > 0) count[key] = quantity;
  }
  try {
    return { ok: true, count, total: countTotal(count, currency) };
  } catch (error) {
    if (error instanceof CashCountError) return { ok: false, code: error.code };
    throw error;
  }
}

/** One more (+1) or one less (−1, never below zero) of a denomination, as text for its field. */
export function stepQuantity(text: string, by: 1 | -1): string {
  const quantity = quantityOf(text) ?? 0;
  return String(Math.min(MAX_COUNT_QUANTITY, Math.max(0, quantity + by)));
}
