import { describe, expect, it } from 'vitest';
import { settingsTimeZone, storeTime } from './store-time';

describe('a store’s times', () => {
  it('reads an instant at the store’s clock and names the zone when the browser’s is another', () => {
    const noumea = storeTime('fr', 'Pacific/Noumea', 'Europe/Paris');
    expect(noumea.dateTime('2026-11-23T10:00:00.000Z')).toBe('23/11/2026 21:00');
    expect(noumea.zone).toBe('Pacific/Noumea');
    expect(storeTime('en', 'America/Martinique', 'UTC').dateTime('2026-11-23T10:00:00.000Z')).toBe('11/23/26, 6:00 AM');
  });

  it('names no zone when the store’s is the browser’s (however it is spelt), nor without one', () => {
    expect(storeTime('fr', 'Europe/Paris', 'Europe/Paris').zone).toBeNull();
    expect(storeTime('fr', 'Etc/UTC', 'UTC').zone).toBeNull();
    const browser = storeTime('fr', null, 'Europe/Paris');
    expect(browser.zone).toBeNull();
    expect(browser.dateTime('2026-07-01T10:00:00.000Z')).toBe('01/07/2026 12:00');
    expect(browser.dateTime(null)).toBe('—');
    expect(browser.dateTime('not a date')).toBe('—');
  });

  it('takes from the settings only a zone the browser knows', () => {
    expect(settingsTimeZone({ timeZone: 'Europe/Paris' })).toBe('Europe/Paris');
    expect(settingsTimeZone({ timeZone: 'Mars/Olympus' })).toBeNull();
    expect(settingsTimeZone({ timeZone: 42 })).toBeNull();
    expect(settingsTimeZone({})).toBeNull();
    expect(settingsTimeZone(null)).toBeNull();
  });
});
