import { addDays } from '@pos/core';
import { DASHBOARD_LIMITS } from '@pos/core/sync/head-office-api';

/** The periods the dashboard offers; `custom` takes two dates. */
export const PERIODS = ['today', 'yesterday', 'week', 'month', 'lastMonth', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];
export type DateRange = { readonly from: string; readonly to: string };

/** Today's date where the browser is, YYYY-MM-DD (the hub applies each store's own business dates). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The dates of a period ending today: a week starts on Monday, a month on the 1st. */
export function periodRange(kind: Exclude<PeriodKind, 'custom'>, today: string): DateRange {
  switch (kind) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'week': {
      const isoDay = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      return { from: addDays(today, 1 - isoDay), to: today };
    }
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'lastMonth': {
      const end = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${end.slice(0, 8)}01`, to: end };
    }
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A custom range the hub takes: real dates, `from` first, at most DASHBOARD_LIMITS.maxDays days. */
export function isValidRange(range: DateRange): boolean {
  if (!DATE.test(range.from) || !DATE.test(range.to)) return false;
  try {
    if (addDays(range.from, 0) !== range.from || addDays(range.to, 0) !== range.to) return false;
  } catch {
    return false;
  }
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  return days >= 1 && days <= DASHBOARD_LIMITS.maxDays;
}
