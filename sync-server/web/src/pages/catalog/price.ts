import { parseAmount } from '@pos/core';

/** The hub's largest price (sync-server/src/catalog/product-checks.ts MAX_PRICE): a million euros, in cents. */
export const MAX_PRICE_CENTS = 100_000_000;

/** "12,50", "12.5", "3 €" → cents; null when it is not a price of at most two decimals up to the hub's maximum. */
export function centsOf(text: string): number | null {
  const cents = parseAmount(text.replace(/€/g, ''), 2);
  return cents !== null && cents <= MAX_PRICE_CENTS ? cents : null;
}

/** Cents as a person types them back in this language: 1250 → "12,50" (fr) or "12.50" (en). */
export function euroText(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(2);
  return locale.startsWith('fr') ? text.replace('.', ',') : text;
}

/** Cents as a price is shown: "12,50 €" (fr), "€12.50" (en). */
export function formatPrice(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
