import { randomUUID } from 'node:crypto';
import {
  isGuessablePin,
  isPermission,
  isStoreRole,
  isWellFormedPin,
  ROLE_PERMISSIONS,
  STORE_ROLES,
  storeRoleTable,
  widening,
  type Permission,
  type RosterMember,
  type StaffRoster,
  type StoreRole,
  type StoreRoleOverrides,
} from '@pos/core';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { hashStaffPin } from './pin-hash';
import { requireStore } from './stores';

/** A person as head office sees them: never the PIN, nor its hash. */
export type StaffInfo = {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StoreRole;
  readonly badgeCode: string | null;
  readonly disabled: boolean;
  readonly version: number;
  readonly updatedAt: string;
};

export type NewStaff = { readonly displayName: string; readonly role: StoreRole; readonly pin: string; readonly badgeCode?: string };

/** What may change of a person in one request; `badgeCode: null` takes the badge away. */
export type StaffChange = {
  readonly displayName?: string;
  readonly role?: StoreRole;
  readonly badgeCode?: string | null;
  readonly disabled?: boolean;
};

/** A store's roles: what the chain gives each, and what this store keeps of it. */
export type StoreRolesInfo = {
  readonly storeId: string;
  readonly chain: Readonly<Record<StoreRole, readonly Permission[]>>;
  readonly roles: Readonly<Record<StoreRole, readonly Permission[]>>;
};

/** Printable characters without spaces: what a badge reader sends. */
const BADGE_PATTERN = /^[\x21-\x7e]{1,64}$/;
const MAX_STAFF_PER_STORE = 2000;

type StaffRow = {
  staff_id: string;
  display_name: string;
  role: StoreRole;
  badge_code: string | null;
  pin_hash: string;
  disabled: boolean;
  version: number;
  updated_at: Date | string;
};

const COLUMNS = 'staff_id, display_name, role, badge_code, pin_hash, disabled, version, updated_at';

function infoOf(row: StaffRow): StaffInfo {
  return {
    staffId: row.staff_id,
    displayName: row.display_name,
    role: row.role,
    badgeCode: row.badge_code,
    disabled: row.disabled,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function invalid(field: string, code: string, message: string): HubError {
  return new HubError(422, 'invalid_staff', `${field}: ${message}`, { problems: [{ field, code, message }] });
}

function nameOf(text: string): string {
  const name = text.normalize('NFC').trim();
  if (name === '' || name.length > 60) throw invalid('displayName', 'staff_name', 'a name is 1 to 60 characters');
  if (/\p{Cc}/u.test(name)) throw invalid('displayName', 'staff_name', 'a name has no control characters');
  return name;
}

function badgeOf(badge: string): string {
  if (!BADGE_PATTERN.test(badge)) throw invalid('badgeCode', 'staff_badge', 'a badge code is 1 to 64 printable characters, no space');
  return badge;
}

/** Checked here so the words say what is wrong; the PIN itself never goes into a message. */
function pinOf(pin: string): string {
  if (!isWellFormedPin(pin)) throw invalid('pin', 'pin_format', 'a PIN is 4 to 6 digits');
  if (isGuessablePin(pin)) throw invalid('pin', 'pin_guessable', 'choose a PIN that is not a repeated or consecutive run of digits');
  return pin;
}

/** The route's schema checks it too; the command line's direct path comes here without one. */
function roleOf(role: unknown): StoreRole {
  if (!isStoreRole(role)) throw invalid('role', 'staff_role', `a role is one of ${STORE_ROLES.join(', ')}`);
  return role;
}

function isBadgeClash(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e.code === '23505' || (typeof e.message === 'string' && e.message.includes('staff_badge_idx'));
}

async function badgeGuard<T>(badge: string | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (badge && isBadgeClash(error)) throw new HubError(409, 'already_exists', 'Another person of this store has this badge code');
    throw error;
  }
}

export async function listStaff(db: Queryable, storeId: string): Promise<StaffInfo[]> {
  await requireStore(db, storeId);
  const rows = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE store_id = $1 ORDER BY display_name, staff_id`, [storeId]);
  return rows.map(infoOf);
}

/** A new person of the store, with an id made here and the hash of the PIN given. */
export async function createStaff(db: Queryable, storeId: string, person: NewStaff): Promise<StaffInfo> {
  await requireStore(db, storeId);
  const displayName = nameOf(person.displayName);
  const role = roleOf(person.role);
  const badge = person.badgeCode === undefined ? null : badgeOf(person.badgeCode);
  const pinHash = await hashStaffPin(pinOf(person.pin));
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff WHERE store_id = $1', [storeId]);
  if ((count?.n ?? 0) >= MAX_STAFF_PER_STORE)
    throw invalid('staff', 'staff_limit', `a store has at most ${MAX_STAFF_PER_STORE} people: disable or reuse some`);
  const rows = await badgeGuard(badge, () =>
    db.query<StaffRow>(
      `INSERT INTO staff (store_id, staff_id, display_name, role, badge_code, pin_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [storeId, `staff-${randomUUID()}`, displayName, role, badge, pinHash],
    ),
  );
  return infoOf(rows[0]!);
}

async function updateRow(db: Queryable, storeId: string, staffId: string, sets: string[], params: unknown[], badge?: string | null) {
  await requireStore(db, storeId);
  const rows = await badgeGuard(badge, () =>
    db.query<StaffRow>(
      `UPDATE staff SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE store_id = $1 AND staff_id = $2 RETURNING ${COLUMNS}`,
      [storeId, staffId, ...params],
    ),
  );
  const row = rows[0];
  if (!row) throw new HubError(404, 'not_found', `Store ${storeId} has no staff member ${staffId}`);
  return infoOf(row);
}

/** Name, role, badge, disabled: what the request names changes, the rest stays. */
export async function updateStaff(db: Queryable, storeId: string, staffId: string, change: StaffChange): Promise<StaffInfo> {
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length + 2}`);
  };
  if (change.displayName !== undefined) set('display_name', nameOf(change.displayName));
  if (change.role !== undefined) set('role', roleOf(change.role));
  if (change.badgeCode !== undefined) set('badge_code', change.badgeCode === null ? null : badgeOf(change.badgeCode));
  if (change.disabled !== undefined) set('disabled', change.disabled);
  if (sets.length === 0) throw new HubError(400, 'bad_request', 'Nothing to change: give displayName, role, badgeCode or disabled');
  return updateRow(db, storeId, staffId, sets, params, change.badgeCode);
}

/** A new PIN, hashed here: the person's old one stops working on every till at its next pull. */
export async function setStaffPin(db: Queryable, storeId: string, staffId: string, pin: string): Promise<StaffInfo> {
  const pinHash = await hashStaffPin(pinOf(pin));
  return updateRow(db, storeId, staffId, ['pin_hash = $3'], [pinHash]);
}

async function overridesOf(db: Queryable, storeId: string): Promise<StoreRoleOverrides> {
  const rows = await db.query<{ role: StoreRole; permissions: Permission[] }>(
    'SELECT role, permissions FROM store_roles WHERE store_id = $1',
    [storeId],
  );
  return Object.fromEntries(rows.map((r) => [r.role, r.permissions]));
}

function rolesInfo(storeId: string, overrides: StoreRoleOverrides): StoreRolesInfo {
  const table = storeRoleTable(overrides);
  const pick = (t: typeof table) => Object.fromEntries(STORE_ROLES.map((r) => [r, t[r]])) as Record<StoreRole, readonly Permission[]>;
  return { storeId, chain: pick(ROLE_PERMISSIONS), roles: pick(table) };
}

export async function getStoreRoles(db: Queryable, storeId: string): Promise<StoreRolesInfo> {
  await requireStore(db, storeId);
  return rolesInfo(storeId, await overridesOf(db, storeId));
}

/**
 * Sets what each named role keeps in this store: only permissions the chain gives that role
 * (a store tightens, never widens). A role given all of the chain's permissions goes back to the
 * chain's role; roles not named stay as they are.
 */
export async function setStoreRoles(
  db: Queryable,
  storeId: string,
  roles: Readonly<Partial<Record<StoreRole, readonly Permission[]>>>,
): Promise<StoreRolesInfo> {
  await requireStore(db, storeId);
  const unknown = Object.entries(roles).flatMap(([role, permissions]) => [
    ...(isStoreRole(role) ? [] : [{ field: `roles.${role}`, code: 'role_unknown', message: `no role is called ${role}` }]),
    ...(permissions ?? [])
      .filter((p) => !isPermission(p))
      .map((p) => ({ field: `roles.${role}`, code: 'permission_unknown', message: `no permission is called ${String(p).slice(0, 40)}` })),
  ]);
  if (unknown.length > 0) throw new HubError(422, 'invalid_roles', unknown.map((p) => p.message).join('; '), { problems: unknown });
  const problems = STORE_ROLES.flatMap((role) => {
    const wider = widening(role, roles[role] ?? []);
    return wider.length > 0
      ? [{ field: `roles.${role}`, code: 'role_widened', message: `the chain's ${role} role does not have ${wider.join(', ')}` }]
      : [];
  });
  if (problems.length > 0)
    throw new HubError(422, 'invalid_roles', `A store may take permissions away from a role, never add any: ${problems[0]!.message}`, {
      problems,
    });
  for (const role of STORE_ROLES) {
    const kept = roles[role];
    if (kept === undefined) continue;
    const permissions = ROLE_PERMISSIONS[role].filter((p) => kept.includes(p));
    if (permissions.length === ROLE_PERMISSIONS[role].length) {
      await db.query('DELETE FROM store_roles WHERE store_id = $1 AND role = $2', [storeId, role]);
    } else {
      await db.query(
        `INSERT INTO store_roles (store_id, role, permissions) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (store_id, role) DO UPDATE SET permissions = EXCLUDED.permissions, version = store_roles.version + 1, updated_at = now()`,
        [storeId, role, JSON.stringify(permissions)],
      );
    }
  }
  return rolesInfo(storeId, await overridesOf(db, storeId));
}

/** What a till of the store pulls: everyone (disabled people too, so the till knows to refuse them) and the role table. */
export async function tillRoster(db: Queryable, storeId: string): Promise<StaffRoster> {
  const rows = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE store_id = $1 ORDER BY staff_id`, [storeId]);
  const staff: RosterMember[] = rows.map((r) => ({
    id: r.staff_id,
    displayName: r.display_name,
    role: r.role,
    ...(r.badge_code ? { badgeCode: r.badge_code } : {}),
    pinHash: r.pin_hash,
    disabled: r.disabled,
    version: r.version,
  }));
  return { storeId, staff, roles: await overridesOf(db, storeId) };
}
