import { OFFICE_ROLES, type OfficeRole } from '@pos/core';

/** Head-office roles (issue 13, core's list, shared with the back office): decided in office/access.ts. */
export { OFFICE_ROLES, type OfficeRole };

export function isOfficeRole(value: unknown): value is OfficeRole {
  return typeof value === 'string' && (OFFICE_ROLES as readonly string[]).includes(value);
}

/** A signed-in head-office user as access decisions see it. */
export type OfficeUser = {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: OfficeRole;
  /** The stores the user covers (an admin covers every store whatever this says). */
  readonly stores: readonly string[];
  readonly staffId: string | null;
  readonly mustChangePassword: boolean;
  readonly totpEnabled: boolean;
};
