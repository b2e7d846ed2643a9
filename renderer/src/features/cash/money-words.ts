import { formatMoney } from '../../i18n/format';

const wholeFormats = new Map<string, Intl.NumberFormat>();

/** A note or coin as written on it: "20 €", "0,50 €" (no ",00" on a whole amount). */
export function denominationLabel(value: number, currency: string, locale: string): string {
  if (value % 100 !== 0) return formatMoney(value, currency, locale);
  const key = `${locale}|${currency}`;
  let format = wholeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    wholeFormats.set(key, format);
  }
  return format.format(value / 100);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A business date ('2026-12-06') as the screen's language writes a day: it is a calendar date, in no zone. */
export function businessDateLabel(date: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : format.format(ms);
}
