/** A UTC instant as the ledgers write it ("2026-03-29T10:15:00.000Z"): such strings sort as time does. */
export const LEDGER_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The instant `months` calendar months after `instant` (UTC), the day kept or, in a shorter month,
 * its last day: points earned on 31 March with a 1-month expiry expire on 30 April.
 */
export function addMonths(instant: string, months: number): string {
  const date = new Date(instant);
  if (!LEDGER_INSTANT.test(instant) || Number.isNaN(date.getTime())) throw new RangeError(`Not a UTC instant: ${instant}`);
  if (!Number.isSafeInteger(months)) throw new RangeError(`Months must be a whole number, got ${months}`);
  const day = date.getUTCDate();
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}

/** The instant `days` days after `instant`. */
export function addDaysToInstant(instant: string, days: number): string {
  return new Date(new Date(instant).getTime() + days * 86_400_000).toISOString();
}
