/**
 * GS1 dates are YYMMDD (General Specifications §7.12): the century is the one that puts the year
 * within 49 years before and 50 years after the reference year, and day 00 means the last day of
 * the month (used on expiry dates that only name a month).
 */
export type Gs1Date = {
  /** ISO 8601 calendar date with day 00 resolved, e.g. "2027-02-28". */
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The label said day 00: "the end of the month". */
  readonly endOfMonth: boolean;
};

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function resolveCentury(yy: number, referenceYear: number): number {
  const referenceCentury = Math.floor(referenceYear / 100) * 100;
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return referenceCentury - 100 + yy;
  if (difference <= -50) return referenceCentury + 100 + yy;
  return referenceCentury + yy;
}

/** `yymmdd` must be six digits; returns undefined for an impossible month or day. */
export function parseGs1Date(yymmdd: string, referenceYear: number): Gs1Date | undefined {
  if (!/^[0-9]{6}$/.test(yymmdd)) return undefined;
  const year = resolveCentury(Number(yymmdd.slice(0, 2)), referenceYear);
  const month = Number(yymmdd.slice(2, 4));
  const labelDay = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return undefined;
  const lastDay = daysInMonth(year, month);
  if (labelDay > lastDay) return undefined;
  const day = labelDay === 0 ? lastDay : labelDay;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso, year, month, day, endOfMonth: labelDay === 0 };
}
