import { EVERY_PERMISSION, ROLE_PERMISSIONS, type Permission, type Role } from './permissions';

/** The roles a store's staff may have (head office people are not on a till's roster). */
export const STORE_ROLES = ['cashier', 'manager'] as const satisfies readonly Role[];
export type StoreRole = (typeof STORE_ROLES)[number];

export function isStoreRole(value: unknown): value is StoreRole {
  return typeof value === 'string' && (STORE_ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (EVERY_PERMISSION as readonly string[]).includes(value);
}

/** Which permissions each role has: the chain's table, or a store's tightening of it. */
export type RoleTable = Readonly<Record<Role, readonly Permission[]>>;

/** What a store changed of the chain's roles: the permissions a role keeps there (never more than the chain gives it). */
export type StoreRoleOverrides = Readonly<Partial<Record<StoreRole, readonly Permission[]>>>;

/** A person of the store's roster as the hub sends it to the store's tills (the PIN only as its scrypt hash). */
export type RosterMember = {
  readonly id: string;
  readonly displayName: string;
  readonly role: StoreRole;
  readonly badgeCode?: string;
  readonly pinHash: string;
  readonly disabled: boolean;
  readonly version: number;
};

/** GET /api/v1/till/staff: the till's own store's staff and role table. */
export type StaffRoster = {
  readonly storeId: string;
  readonly staff: readonly RosterMember[];
  readonly roles: StoreRoleOverrides;
};

/** The permissions `wanted` would add to the chain's `role`: a store may take some away, never add any. */
export function widening(role: StoreRole, wanted: readonly Permission[], chain: RoleTable = ROLE_PERMISSIONS): Permission[] {
  return wanted.filter((p) => !chain[role].includes(p));
}

/** The chain's roles with a store's tightening applied (anything beyond the chain's role is ignored). */
export function storeRoleTable(overrides: StoreRoleOverrides, chain: RoleTable = ROLE_PERMISSIONS): RoleTable {
  const table: Record<Role, readonly Permission[]> = { ...chain };
  for (const role of STORE_ROLES) {
    const kept = overrides[role];
    if (kept) table[role] = chain[role].filter((p) => kept.includes(p));
  }
  return table;
}
