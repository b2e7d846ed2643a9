/**
 * ISO 4217 numeric codes of the currencies a till here may take. Both protocols carry the numeric
 * code (Caisse-AP CE "978", ZVT BMP 49 as BCD 09 78); the till speaks alphabetic codes ("EUR").
 */
const NUMERIC: Readonly<Record<string, string>> = {
  EUR: '978',
  CHF: '756',
  GBP: '826',
  USD: '840',
  XPF: '953',
  DKK: '208',
  SEK: '752',
  PLN: '985',
  CZK: '203',
};

/** "EUR" or "978" → "978"; null for a currency we do not know (never guess a code). */
export function numericCurrencyCode(currency: string): string | null {
  if (/^\d{3}$/.test(currency)) return currency;
  return NUMERIC[currency.toUpperCase()] ?? null;
}
