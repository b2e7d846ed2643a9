import { describe, expect, it } from 'vitest';
import { archiveJetCode, archivePeriodProblem } from './archive-format';

describe('archiveJetCode', () => {
  it('is 30 for a whole fiscal year, 20 for any other period', () => {
    expect(archiveJetCode({ from: '2026-01-01', to: '2026-12-31' })).toBe(30);
    expect(archiveJetCode({ from: '2026-01-01', to: '2026-12-30' })).toBe(20);
    expect(archiveJetCode({ from: '2026-01-01', to: '2026-01-31' })).toBe(20);
    expect(archiveJetCode({ from: '2026-04-01', to: '2027-03-31' }, 4)).toBe(30);
    expect(archiveJetCode({ from: '2026-04-01', to: '2027-03-31' })).toBe(20);
    expect(archiveJetCode({ from: '2027-03-01', to: '2028-02-29' }, 3)).toBe(30);
  });

  it('goes with the period check: a year is the longest period', () => {
    expect(archivePeriodProblem('2026-04-01', '2027-03-31')).toBeNull();
    expect(archivePeriodProblem('2026-04-01', '2027-04-01')).toMatch(/longer than 12 months/);
  });
});
