import { describe, expect, it } from 'vitest';
import { startOfStoreDay, storeDate } from './store-clock';

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
