import { describe, expect, it } from 'vitest';
import { addMonths } from './add-months';

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-03-31T10:00:00.000Z', 1)).toBe('2026-04-30T10:00:00.000Z');
    expect(addMonths('2024-02-29T00:00:00.000Z', 12)).toBe('2025-02-28T00:00:00.000Z');
    expect(addMonths('2026-01-15T23:59:59.999Z', -12)).toBe('2025-01-15T23:59:59.999Z');
    expect(addMonths('2026-11-30T08:00:00.000Z', 3)).toBe('2027-02-28T08:00:00.000Z');
  });

  it('refuses what is not a UTC instant as the ledgers write it', () => {
    expect(() => addMonths('2026-03-31', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-03-31T10:00:00.000Z', 1.5)).toThrow(RangeError);
  });
});
