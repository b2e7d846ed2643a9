import { describe, expect, it } from 'vitest';
import { conditionsOf, mergeSensors, printerStateOf } from './printer-sensors';

describe('printer conditions', () => {
  it('paper out is paper-end alone: no near end, no bare offline', () => {
    const sensors = { offline: true, paperEnd: true, paperNearEnd: true, drawerSignalHigh: false };
    expect(conditionsOf(sensors)).toEqual(['paper-end']);
    expect(printerStateOf(conditionsOf(sensors))).toBe('offline');
  });

  it('cover open is cover-open alone', () => {
    expect(conditionsOf({ offline: true, coverOpen: true, paperEnd: false })).toEqual(['cover-open']);
  });

  it('offline with no known cause is offline; an error makes the state error', () => {
    expect(conditionsOf({ offline: true })).toEqual(['offline']);
    expect(printerStateOf(conditionsOf({ offline: true, error: true }))).toBe('error');
  });

  it('near end and an open drawer still print', () => {
    const conditions = conditionsOf({ paperNearEnd: true, drawerSignalHigh: true });
    expect(conditions).toEqual(['paper-near-end', 'drawer-open']);
    expect(printerStateOf(conditions)).toBe('ready');
  });

  it('reads the drawer switch with the polarity of the drawer', () => {
    expect(conditionsOf({ drawerSignalHigh: false }, 'low')).toEqual(['drawer-open']);
    expect(conditionsOf({ drawerSignalHigh: true }, 'low')).toEqual([]);
    expect(conditionsOf({})).toEqual([]);
  });

  it('merges readings field by field, later ones winning', () => {
    expect(mergeSensors({ offline: true, drawerSignalHigh: false }, { coverOpen: true }, { offline: false })).toEqual({
      offline: false,
      drawerSignalHigh: false,
      coverOpen: true,
    });
  });
});
