import { can, type StaffMember } from '@pos/core';

/**
 * The manager's cash screens (X report, fiscal closings): for whoever may see reports
 * (`cash.report`). The host checks again; the page only leaves out what the person could not use.
 */
export function seesManagerScreens(staff: StaffMember | null): boolean {
  return staff !== null && can(staff.role, 'cash.report');
}
