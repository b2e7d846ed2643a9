type MoneyFormat = { readonly format: Intl.NumberFormat; readonly minorPerMajor: number };
const moneyFormats = new Map<string, MoneyFormat>();

/**
 * Amounts in minor units through Intl. Formatters and their currency's minor digits are cached:
 * formatting is on every render, and resolvedOptions() builds a new object per call.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let money = moneyFormats.get(key);
  if (!money) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    money = { format, minorPerMajor: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    moneyFormats.set(key, money);
  }
  return money.format.format(amount / money.minorPerMajor);
}

export function formatPercent(bp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

export function formatKg(grams: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', minimumFractionDigits: 3 }).format(grams / 1000);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Dates and times always in the store's zone, as the printed receipt has them: the machine's
 * own zone (UTC on many tills) never decides what hour a sale shows.
 */
function dateFormat(locale: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withDate ? 'd' : ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...(withDate ? { dateStyle: 'short' } : {}), timeStyle: 'short', timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

export function formatTime(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, false).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, true).format(new Date(iso));
}

/** Minor units as the cashier would type them back ("12,50" in French). */
export function amountInputText(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(amount / 100);
}

/** Grams as kilograms the cashier would type ("1,235" in French), what parseWeightGrams reads back. */
export function weightInputText(grams: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false }).format(grams / 1000);
}
