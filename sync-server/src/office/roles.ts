import { OFFICE_ROLES, type OfficeRole, type OfficeUser } from '@pos/core';

/** Head-office roles (issue 13, core's list, shared with the back office): decided in office/access.ts; a user as they see one. */
export { OFFICE_ROLES, type OfficeRole, type OfficeUser };

export function isOfficeRole(value: unknown): value is OfficeRole {
  return typeof value === 'string' && (OFFICE_ROLES as readonly string[]).includes(value);
}
