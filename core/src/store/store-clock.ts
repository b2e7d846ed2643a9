/**
 * The store's calendar, whatever the machine's clock is set to: a till whose system zone is
 * UTC (or a test) must still call "today" and "14:05" what the store's receipts print.
 */

const partFormats = new Map<string, Intl.DateTimeFormat>();

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall clock through Intl: exact, and slow (a projector calls it for every sale). */
function formattedWallClock(instant: number, timeZone: string): WallClock {
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

const QUARTER_HOUR_MS = 15 * 60_000;
/** Each zone's offset over a quarter hour of UTC (`zone|quarter`), or null when it changes within it. */
const quarterOffsets = new Map<string, number | null>();
const MAX_CACHED_QUARTERS = 10_000;

const offsetOfWall = (instant: number, wall: WallClock) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instant / 1000) * 1000;

/**
 * The zone's offset over the quarter hour of UTC holding `instant`, when it is the same at both
 * ends: zones change their offset on quarter hours of UTC, so a quarter whose ends agree has
 * one offset throughout. Null for a quarter that holds a change (or an old local mean time).
 */
function quarterOffset(instant: number, timeZone: string): number | null {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  const known = quarterOffsets.get(key);
  if (known !== undefined) return known;
  const start = quarter * QUARTER_HOUR_MS;
  const end = start + QUARTER_HOUR_MS - 1000;
  const atStart = offsetOfWall(start, formattedWallClock(start, timeZone));
  const atEnd = offsetOfWall(end, formattedWallClock(end, timeZone));
  const offset = atStart === atEnd ? atStart : null;
  if (quarterOffsets.size >= MAX_CACHED_QUARTERS) quarterOffsets.clear();
  quarterOffsets.set(key, offset);
  return offset;
}

/** The wall clock of a time zone at an instant (24-hour clock). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const offset = quarterOffset(instant, timeZone);
  if (offset === null) return formattedWallClock(instant, timeZone);
  // Whole seconds, as Intl gives them: the milliseconds are dropped, not rounded.
  const wall = new Date(Math.floor(instant / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
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
