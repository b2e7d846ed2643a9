import { addDays, fiscalYearMonths, type ArchiveCreateRequest } from '@pos/core';
import { shiftPeriod } from './period';

/** What a manager archives at the till: a month, or a fiscal year (at most twelve months, as the host requires). */
export type ArchiveKind = 'month' | 'year';

/**
 * The two dates an archive of a month ('YYYY-MM') or a fiscal year ('YYYY', named by the year it
 * starts, as the closings name it) covers, inclusive: what `archive.create` takes.
 */
export function archiveDates(kind: ArchiveKind, period: string, fiscalYearStartMonth = 1): ArchiveCreateRequest {
  const months = kind === 'month' ? [period] : fiscalYearMonths(period, fiscalYearStartMonth);
  const after = shiftPeriod('month', months[months.length - 1]!, 1);
  return { from: `${months[0]!}-01`, to: addDays(`${after}-01`, -1) };
}
