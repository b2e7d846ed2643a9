import { addDays, businessDate, type ClosingKind } from '@pos/core';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period a closing of `kind` proposes first: today's business day, else the month or fiscal year just ended. */
export function defaultPeriod(kind: ClosingKind, nowIso: string, timeZone: string, dayStartHour = 0): string {
  const today = businessDate(nowIso, { timeZone, dayStartHour });
  if (kind === 'day') return today;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'month') return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  return String(year - 1);
}

/** The period before (−1) or after (+1): a day, a month ('YYYY-MM') or a year ('YYYY'). */
export function shiftPeriod(kind: ClosingKind, period: string, by: 1 | -1): string {
  if (kind === 'day') return addDays(period, by);
  if (kind === 'year') return String(Number(period) + by);
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}
