import { utcOffsetAt, wallClockAt } from '../store/store-clock';

/**
 * Business dates: the day a sale belongs to for reports and closings. A store open past midnight
 * sets its day to start later (04:00): a sale at 02:30 belongs to the day before. Dates are the
 * store's wall-clock dates ('YYYY-MM-DD'), whatever the zone of the machine that computes them.
 */
export type BusinessDaySettings = {
  /** IANA zone of the store ('Europe/Paris'). */
  readonly timeZone: string;
  /** Local hour (0–23) at which a business day starts; 0 = midnight. */
  readonly dayStartHour: number;
};

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day || month < 1 || month > 12) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
}

function checkSettings(settings: BusinessDaySettings): void {
  const h = settings.dayStartHour;
  if (!Number.isInteger(h) || h < 0 || h > 23) throw new RangeError(`dayStartHour must be an integer from 0 to 23, got ${h}`);
}

/** The date `days` days after (or before, when negative) a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The business date ('YYYY-MM-DD') of an instant in the store's zone. */
export function businessDate(instantIso: string, settings: BusinessDaySettings): string {
  checkSettings(settings);
  const instant = Date.parse(instantIso);
  if (Number.isNaN(instant)) throw new RangeError(`Not an ISO instant: ${instantIso}`);
  const p = wallClockAt(instant, settings.timeZone);
  const date = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
  return p.hour < settings.dayStartHour ? addDays(date, -1) : date;
}

/**
 * The first instant at which the zone's wall clock reads `wall` (a wall time written as if UTC) or
 * later: the earlier of two when the clocks go back over it, the moment of the jump when they go
 * forward over it.
 */
function firstInstantAtWallTime(wall: number, timeZone: string): number {
  const wallAt = (t: number): number => t + utcOffsetAt(t, timeZone);
  // Offsets a day either side: no zone changes its clocks twice within two days.
  const before = utcOffsetAt(wall - DAY_MS, timeZone);
  const after = utcOffsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((t) => wallAt(t) === wall);
  if (fits.length > 0) return Math.min(...fits);
  // Skipped wall time: search the jump, to the second, between the two readings.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallAt(mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function businessDayStart(date: string, settings: BusinessDaySettings): number {
  const { year, month, day } = parseDate(date);
  return firstInstantAtWallTime(Date.UTC(year, month - 1, day, settings.dayStartHour), settings.timeZone);
}

/**
 * The UTC instants [start, end) of a business day, as ISO strings comparable with `completedAt`.
 * The day the clocks change lasts 23 or 25 hours; a day start skipped by the change (02:00 in
 * Paris in March) starts the day at the jump.
 */
export function businessDayBounds(date: string, settings: BusinessDaySettings): readonly [string, string] {
  checkSettings(settings);
  const start = businessDayStart(date, settings);
  const end = businessDayStart(addDays(date, 1), settings);
  return [new Date(start).toISOString(), new Date(end).toISOString()];
}

/** The month ('YYYY-MM') of a date. */
export function monthOf(date: string): string {
  parseDate(date);
  return date.slice(0, 7);
}

function checkStartMonth(fiscalYearStartMonth: number): void {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new RangeError(`fiscalYearStartMonth must be an integer from 1 to 12, got ${fiscalYearStartMonth}`);
  }
}

/**
 * The fiscal year ('YYYY') of a date or a month ('YYYY-MM'), named by the calendar year in which it
 * starts: with a year starting in July, 2026-03-15 is in fiscal year '2025' (July 2025 – June 2026).
 * With the default (January) it is the calendar year.
 */
export function fiscalYearOf(dateOrMonth: string, fiscalYearStartMonth = 1): string {
  checkStartMonth(fiscalYearStartMonth);
  const { year, month } = MONTH.test(dateOrMonth) ? parseDate(`${dateOrMonth}-01`) : parseDate(dateOrMonth);
  return pad(month >= fiscalYearStartMonth ? year : year - 1, 4);
}

/** The twelve months ('YYYY-MM') of a fiscal year named as fiscalYearOf names it, in order. */
export function fiscalYearMonths(fiscalYear: string, fiscalYearStartMonth = 1): readonly string[] {
  checkStartMonth(fiscalYearStartMonth);
  if (!/^\d{4}$/.test(fiscalYear)) throw new RangeError(`Not a fiscal year (YYYY): ${fiscalYear}`);
  const year = Number(fiscalYear);
  return Array.from({ length: 12 }, (_, i) => {
    const m = fiscalYearStartMonth - 1 + i;
    return `${pad(year + Math.floor(m / 12), 4)}-${pad((m % 12) + 1, 2)}`;
  });
}
