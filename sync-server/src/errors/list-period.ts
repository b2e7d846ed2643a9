import { HubError, type HubErrorCode } from './hub-error';

/**
 * A list's period, from a query string: untrusted. A shape check lets through what the calendar or
 * the database refuses (2026-13-45, year 0000, which PostgreSQL does not have): read as it is,
 * such a date failed in the database or in the hub (500). Periods here stay within 1970–9999.
 */
export type ListPeriod = { readonly from?: string | undefined; readonly to?: string | undefined };

const FIRST_MS = Date.UTC(1970, 0, 1);
const END_MS = Date.UTC(10_000, 0, 1);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const inBounds = (ms: number) => ms >= FIRST_MS && ms < END_MS;

/** A calendar date, YYYY-MM-DD, from 1970 to 9999 (Date.parse would take 2026-02-30 for 2 March). */
export function isCalendarDate(text: string): boolean {
  const ms = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  return inBounds(ms) && new Date(ms).toISOString().startsWith(text);
}

function refuse(code: HubErrorCode, message: string): never {
  throw new HubError(400, code, `from, to: ${message}`);
}

/** Calendar dates (both ends included), `to` not before `from`; else 400 with `code`. */
export function checkDatePeriod(period: ListPeriod, code: HubErrorCode): void {
  for (const date of [period.from, period.to]) {
    if (date !== undefined && !isCalendarDate(date)) refuse(code, `${date.slice(0, 40)} is not a date from 1970 to 9999 (YYYY-MM-DD)`);
  }
  if (period.from !== undefined && period.to !== undefined && period.to < period.from) refuse(code, '`to` is before `from`');
}

/** Instants (ISO 8601 with their offset, already of that shape), from 1970 to 9999, `to` not before `from`; else 400 with `code`. */
export function checkInstantPeriod(period: ListPeriod, code: HubErrorCode): void {
  for (const instant of [period.from, period.to]) {
    if (instant !== undefined && !inBounds(Date.parse(instant)))
      refuse(code, `${instant.slice(0, 40)} is not an instant from 1970 to 9999`);
  }
  if (period.from !== undefined && period.to !== undefined && Date.parse(period.to) < Date.parse(period.from))
    refuse(code, '`to` is before `from`');
}
