/**
 * The instant the hub writes an entry at: its clock, but never before the latest instant it wrote
 * for the same account. Entries replay in time order and a balance counts only what is not after
 * `now`: a hub instance whose clock is a little behind another's would otherwise check a balance
 * at an instant before a reservation the other just wrote, miss it, and spend the points twice.
 */
export function ledgerInstant(now: string, lastEntryAt: string | null): string {
  if (lastEntryAt === null || lastEntryAt < now) return now;
  // A millisecond after: two entries of one account never share an instant, so the replay (time
  // order) is the order they were decided in. Sharing one, a reservation decided last could replay
  // before a spend decided first, and find less than it was given.
  return new Date(Date.parse(lastEntryAt) + 1).toISOString();
}

/** The hub's clock as the ledgers write it (`now` given by tests and by callers replaying a request's instant). */
export function hubNow(now?: string): string {
  return now ?? new Date().toISOString();
}
