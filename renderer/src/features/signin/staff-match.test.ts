import type { StaffMember } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { findStaff } from './staff-match';
import { formatCountdown } from './use-lockouts';

const STAFF: StaffMember[] = [
  { id: 'staff-helene', displayName: 'Hélène', role: 'cashier' },
  { id: 'staff-henri', displayName: 'Henri', role: 'cashier' },
  { id: 'staff-sophie', displayName: 'Sophie', role: 'manager' },
];

describe('the person a badge or a typed name names', () => {
  it('finds by badge (staff id) or name, whatever the case and accents', () => {
    expect(findStaff(STAFF, 'STAFF-SOPHIE')?.id).toBe('staff-sophie');
    expect(findStaff(STAFF, ' helene ')?.id).toBe('staff-helene');
    expect(findStaff(STAFF, 'so')?.id).toBe('staff-sophie');
  });

  it('finds by the badge code head office gave, exactly (a badge is no name to fold)', () => {
    const withBadge: StaffMember[] = [...STAFF, { id: 'staff-julie', displayName: 'Julie', role: 'cashier', badgeCode: 'So-42' }];
    expect(findStaff(withBadge, 'So-42')?.id).toBe('staff-julie');
    expect(findStaff(withBadge, ' So-42\n')?.id).toBe('staff-julie');
    expect(findStaff(withBadge, 'so')?.id).toBe('staff-sophie');
  });

  it('finds nobody for a beginning two names share, or for nothing', () => {
    expect(findStaff(STAFF, 'he')).toBeNull();
    expect(findStaff(STAFF, '')).toBeNull();
    expect(findStaff(STAFF, 'nobody')).toBeNull();
  });

  it('counts down as m:ss', () => {
    expect([0, 9, 60, 125, 3600].map(formatCountdown)).toEqual(['0:00', '0:09', '1:00', '2:05', '60:00']);
  });
});
