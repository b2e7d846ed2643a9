/**
 * The store's calendar, whatever the machine's clock is set to: a till whose system zone is
 * UTC (or a test) must still call "today" and "14:05" what the store's receipts print.
 */

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of a time zone at an instant (24-hour clock). */
export function wallClockAt(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms (negative west of Greenwich). */
export function utcOffsetAt(instant: number, timeZone: string): number {
  const p = wallClockAt(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The store's calendar date ("2026-03-29") at an instant. */
export function storeDate(instant: Date | string, timeZone: string): string {
  const p = wallClockAt(new Date(instant).getTime(), timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant the store's day holding `now` began (its local midnight), as an ISO string comparable with `completedAt`. */
export function startOfStoreDay(now: Date, timeZone: string): string {
  const p = wallClockAt(now.getTime(), timeZone);
  const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day);
  // The offset at midnight may differ from the offset now (a DST change during the day): settle it twice.
  let start = midnightAsUtc - utcOffsetAt(midnightAsUtc, timeZone);
  start = midnightAsUtc - utcOffsetAt(start, timeZone);
  return new Date(start).toISOString();
}
