import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startOfStoreDay, storeDate, wallClockAt } from './store-clock';

describe('the store clock', () => {
  it('names the store’s date, not UTC’s', () => {
    // 23:30 UTC on 14 July is already 15 July in Paris and still 14 July in Montreal.
    expect(storeDate('2026-07-14T23:30:00Z', 'Europe/Paris')).toBe('2026-07-15');
    expect(storeDate('2026-07-14T23:30:00Z', 'America/Montreal')).toBe('2026-07-14');
  });

  it('starts the store’s day at its local midnight', () => {
    expect(startOfStoreDay(new Date('2026-07-14T23:30:00Z'), 'Europe/Paris')).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfStoreDay(new Date('2026-01-10T12:00:00Z'), 'Europe/Paris')).toBe('2026-01-09T23:00:00.000Z');
    expect(startOfStoreDay(new Date('2026-07-14T03:00:00Z'), 'America/Montreal')).toBe('2026-07-13T04:00:00.000Z');
    expect(startOfStoreDay(new Date('2026-07-14T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-07-14T10:00:00.000Z');
  });

  it('keeps local midnight on the days the clocks change', () => {
    // Paris goes to summer time at 02:00 on 29 March 2026: midnight is still UTC+1.
    expect(startOfStoreDay(new Date('2026-03-29T20:00:00Z'), 'Europe/Paris')).toBe('2026-03-28T23:00:00.000Z');
    // And back on 25 October: midnight was UTC+2.
    expect(startOfStoreDay(new Date('2026-10-25T20:00:00Z'), 'Europe/Paris')).toBe('2026-10-24T22:00:00.000Z');
  });
});

describe('the wall clock of a zone', () => {
  // Zones with summer time, half and three-quarter hour offsets, a 30-minute summer shift, the date line.
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
    'UTC',
  ];
  /** An independent reading of the same clock: Swedish dates are written year-month-day, 24-hour. */
  const intl = (instant: number, timeZone: string) => {
    const [date, time] = new Date(instant).toLocaleString('sv-SE', { timeZone }).split(' ');
    const [year, month, day] = date!.split('-').map(Number);
    const [hour, minute, second] = time!.split(':').map(Number);
    return { year, month, day, hour, minute, second };
  };

  it('is what Intl says, at any instant, across the clock changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (instant, zone) => {
        expect(wallClockAt(instant, zone)).toEqual(intl(instant, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('is what Intl says on each side of a change, to the second', () => {
    const changes = [
      ['Europe/Paris', '2026-03-29T01:00:00Z'],
      ['Europe/Paris', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
    ] as const;
    for (const [zone, at] of changes) {
      const t = Date.parse(at);
      for (const delta of [-15 * 60_000, -1001, -1000, -1, 0, 1, 999, 1000, 15 * 60_000]) {
        expect(wallClockAt(t + delta, zone)).toEqual(intl(t + delta, zone));
      }
    }
  });
});
