import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, businessDate, businessDayBounds, fiscalYearMonths, fiscalYearOf, monthOf } from './business-date';

const paris = (dayStartHour: number) => ({ timeZone: 'Europe/Paris', dayStartHour });
const auckland = (dayStartHour: number) => ({ timeZone: 'Pacific/Auckland', dayStartHour });

function hoursOf(bounds: readonly [string, string]): number {
  return (Date.parse(bounds[1]) - Date.parse(bounds[0])) / 3_600_000;
}

describe('businessDate', () => {
  it('gives a sale before the day start to the day before', () => {
    // 01:30 UTC on 6 December is 02:30 in Paris (UTC+1).
    expect(businessDate('2026-12-06T01:30:00Z', paris(4))).toBe('2026-12-05');
    expect(businessDate('2026-12-06T01:30:00Z', paris(0))).toBe('2026-12-06');
    expect(businessDate('2026-12-06T03:00:00Z', paris(4))).toBe('2026-12-06');
    expect(businessDate('2026-12-06T03:59:59Z', paris(5))).toBe('2026-12-05');
    expect(businessDate('2026-12-06T04:00:00Z', paris(5))).toBe('2026-12-06');
  });

  it('names the store’s date, not UTC’s', () => {
    // 12:30 UTC on 5 December is 01:30 on 6 December in Auckland (UTC+13 in summer).
    expect(businessDate('2026-12-05T12:30:00Z', auckland(0))).toBe('2026-12-06');
    expect(businessDate('2026-12-05T12:30:00Z', auckland(5))).toBe('2026-12-05');
  });

  it('reads both passes of the hour the clocks go back as the same day', () => {
    // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC; the day starts at 02:00.
    expect(businessDate('2026-10-24T23:59:00Z', paris(2))).toBe('2026-10-24');
    expect(businessDate('2026-10-25T00:30:00Z', paris(2))).toBe('2026-10-25');
    expect(businessDate('2026-10-25T01:30:00Z', paris(2))).toBe('2026-10-25');
  });

  it('refuses a bad instant or day start', () => {
    expect(() => businessDate('yesterday', paris(0))).toThrow(RangeError);
    expect(() => businessDate('2026-12-06T01:30:00Z', paris(24))).toThrow(RangeError);
    expect(() => businessDate('2026-12-06T01:30:00Z', paris(1.5))).toThrow(RangeError);
  });
});

describe('businessDayBounds', () => {
  it('spans 24 hours from the day start on an ordinary day', () => {
    expect(businessDayBounds('2026-12-06', paris(0))).toEqual(['2026-12-05T23:00:00.000Z', '2026-12-06T23:00:00.000Z']);
    expect(businessDayBounds('2026-12-06', paris(5))).toEqual(['2026-12-06T04:00:00.000Z', '2026-12-07T04:00:00.000Z']);
    expect(businessDayBounds('2026-07-14', paris(0))).toEqual(['2026-07-13T22:00:00.000Z', '2026-07-14T22:00:00.000Z']);
  });

  it('lasts 23 hours the day Paris goes to summer time and 25 the day it comes back', () => {
    expect(businessDayBounds('2026-03-29', paris(0))).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(businessDayBounds('2026-10-25', paris(0))).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    // With a 05:00 start the change (at 02:00/03:00) falls into the business day before.
    expect(businessDayBounds('2026-03-28', paris(5))).toEqual(['2026-03-28T04:00:00.000Z', '2026-03-29T03:00:00.000Z']);
    expect(hoursOf(businessDayBounds('2026-03-28', paris(5)))).toBe(23);
    expect(hoursOf(businessDayBounds('2026-03-29', paris(5)))).toBe(24);
    expect(hoursOf(businessDayBounds('2026-10-24', paris(5)))).toBe(25);
  });

  it('starts the day at the jump when the day start is skipped, at its first pass when repeated', () => {
    // 02:00 does not exist in Paris on 29 March 2026: the clocks jump from 02:00 CET to 03:00 CEST at 01:00 UTC.
    expect(businessDayBounds('2026-03-29', paris(2))[0]).toBe('2026-03-29T01:00:00.000Z');
    // 02:00 happens twice on 25 October 2026: first at 00:00 UTC (CEST).
    expect(businessDayBounds('2026-10-25', paris(2))[0]).toBe('2026-10-25T00:00:00.000Z');
  });

  it('follows Auckland’s clocks, southern summer time', () => {
    // NZDT (UTC+13) ends on 5 April 2026, NZST (UTC+12) ends on 27 September 2026.
    expect(businessDayBounds('2026-04-05', auckland(0))).toEqual(['2026-04-04T11:00:00.000Z', '2026-04-05T12:00:00.000Z']);
    expect(businessDayBounds('2026-09-27', auckland(0))).toEqual(['2026-09-26T12:00:00.000Z', '2026-09-27T11:00:00.000Z']);
    expect(hoursOf(businessDayBounds('2026-04-04', auckland(5)))).toBe(25);
    expect(hoursOf(businessDayBounds('2026-09-26', auckland(5)))).toBe(23);
  });

  it('holds every instant whose business date it is, and only those', () => {
    const zones = ['Europe/Paris', 'Pacific/Auckland', 'America/Montreal', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, timeZone, dayStartHour) => {
          const settings = { timeZone, dayStartHour };
          const instant = new Date(Math.floor(ms / 1000) * 1000).toISOString();
          const date = businessDate(instant, settings);
          const [start, end] = businessDayBounds(date, settings);
          expect(start <= instant && instant < end).toBe(true);
          expect(businessDayBounds(addDays(date, 1), settings)[0]).toBe(end);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('calendar periods', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });

  it('names the month and the fiscal year of a date', () => {
    expect(monthOf('2026-12-06')).toBe('2026-12');
    expect(fiscalYearOf('2026-12-06')).toBe('2026');
    expect(fiscalYearOf('2026-03-15', 7)).toBe('2025');
    expect(fiscalYearOf('2026-07-01', 7)).toBe('2026');
    expect(fiscalYearOf('2026-06', 7)).toBe('2025');
    expect(() => fiscalYearOf('2026-06-01', 13)).toThrow(RangeError);
  });

  it('lists the months of a fiscal year', () => {
    expect(fiscalYearMonths('2026')).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const july = fiscalYearMonths('2025', 7);
    expect([july[0], july[5], july[6], july[11]]).toEqual(['2025-07', '2025-12', '2026-01', '2026-06']);
  });
});
