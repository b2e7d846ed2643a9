import { isPermission, isStoreRole, parsePinHash, type RosterMember, type StaffRoster, type StoreRoleOverrides } from '@pos/core';
import { ID_PATTERN } from '../handlers/request-guards';

/** More than any store has: a larger answer is not read. */
const MAX_ROSTER = 5000;

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function memberOf(raw: unknown): RosterMember | null {
  if (!isRecord(raw)) return null;
  const { id, displayName, role, badgeCode, pinHash, disabled, version } = raw;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null;
  if (typeof displayName !== 'string' || displayName.length === 0 || displayName.length > 60) return null;
  if (!isStoreRole(role) || typeof pinHash !== 'string' || pinHash.length > 300 || !parsePinHash(pinHash)) return null;
  if (badgeCode !== undefined && (typeof badgeCode !== 'string' || badgeCode.length === 0 || badgeCode.length > 64)) return null;
  if (typeof disabled !== 'boolean' || !Number.isSafeInteger(version)) return null;
  return { id, displayName, role, ...(badgeCode ? { badgeCode } : {}), pinHash, disabled, version: version as number };
}

/**
 * The hub's roster as the till keeps it, or null when it is not one: people the till cannot
 * check a PIN against are left out (never let in), and a role keeps only permissions it knows.
 */
export function checkedRoster(raw: unknown): StaffRoster | null {
  if (!isRecord(raw) || typeof raw.storeId !== 'string' || !Array.isArray(raw.staff) || raw.staff.length > MAX_ROSTER) return null;
  const staff = raw.staff.map(memberOf).filter((m): m is RosterMember => m !== null);
  const roles: Record<string, readonly string[]> = {};
  if (isRecord(raw.roles)) {
    for (const [role, permissions] of Object.entries(raw.roles)) {
      if (isStoreRole(role) && Array.isArray(permissions)) roles[role] = permissions.filter(isPermission);
    }
  }
  return { storeId: raw.storeId, staff, roles: roles as StoreRoleOverrides };
}
