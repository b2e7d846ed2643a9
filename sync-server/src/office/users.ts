import { randomUUID } from 'node:crypto';
import type { OfficeUserInfo } from '@pos/core';
import { assertId } from '../admin/ids';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { recordAudit, type AuditActor } from './audit';
import { hashPassword, newOneTimePassword } from './password-hash';
import { notifySessionsEnded } from './session-notice';
import { isOfficeRole, OFFICE_ROLES, type OfficeRole, type OfficeUser } from './roles';

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;
export const MAX_USER_STORES = 1000;

/** A user as head office lists them (core's wire shape): never the password hash nor the TOTP secret. */
export type { OfficeUserInfo };

export type UserRow = {
  user_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  must_change_password: boolean;
  role: OfficeRole;
  stores: string[];
  staff_id: string | null;
  disabled: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | number | null;
  last_sign_in_at: Date | null;
  created_at: Date;
};

export function userOf(row: UserRow): OfficeUser {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    stores: row.stores,
    staffId: row.staff_id,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_secret !== null,
  };
}

export function userInfo(row: UserRow): OfficeUserInfo {
  return {
    ...userOf(row),
    disabled: row.disabled,
    lockedUntil: row.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed.length > MAX_EMAIL_LENGTH || !EMAIL.test(trimmed))
    throw new HubError(400, 'invalid_user', 'email: an e-mail address (at most 254 characters)');
  return trimmed;
}

export type UserScope = { role: OfficeRole; stores: readonly string[] };

/** A store manager covers one store, a regional manager or accountant at least one, an admin all (none listed). */
function checkedScope(scope: UserScope): UserScope {
  if (!isOfficeRole(scope.role)) throw new HubError(400, 'invalid_user', `role: one of ${OFFICE_ROLES.join(', ')}`);
  const stores = [...new Set(scope.stores.map((s) => assertId('store', s.trim())))];
  if (stores.length > MAX_USER_STORES) throw new HubError(400, 'invalid_user', `stores: at most ${MAX_USER_STORES}`);
  if (scope.role === 'admin' && stores.length > 0)
    throw new HubError(400, 'invalid_user', 'stores: an administrator covers every store; list none');
  if (scope.role === 'store-manager' && stores.length !== 1)
    throw new HubError(400, 'invalid_user', 'stores: a store manager has exactly one store');
  if ((scope.role === 'regional' || scope.role === 'accountant') && stores.length === 0)
    throw new HubError(400, 'invalid_user', `stores: a ${scope.role} covers at least one store`);
  return { role: scope.role, stores };
}

async function assertStoresExist(db: Queryable, stores: readonly string[]): Promise<void> {
  if (stores.length === 0) return;
  const found = await db.query<{ store_id: string }>('SELECT store_id FROM stores WHERE store_id = ANY($1::text[])', [stores]);
  const missing = stores.filter((s) => !found.some((f) => f.store_id === s));
  if (missing.length > 0) throw new HubError(404, 'not_found', `No store ${missing.join(', ')} at the hub`);
}

function displayNameOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_NAME_LENGTH)
    throw new HubError(400, 'invalid_user', `displayName: 1 to ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

export type NewOfficeUser = {
  email: string;
  displayName?: string;
  role: OfficeRole;
  stores?: readonly string[];
  staffId?: string | null;
};

/** Creates a user with a one-time password, returned this once (they must change it at first sign-in). */
export async function createOfficeUser(
  db: Queryable,
  actor: AuditActor,
  input: NewOfficeUser,
): Promise<{ user: OfficeUserInfo; oneTimePassword: string }> {
  const email = normalEmail(input.email);
  const scope = checkedScope({ role: input.role, stores: input.stores ?? [] });
  const displayName = displayNameOf(input.displayName ?? email.split('@')[0]!);
  const staffId = input.staffId?.trim() || null;
  if (staffId && (scope.role !== 'store-manager' || staffId.length > 64))
    throw new HubError(400, 'invalid_user', 'staffId: only a store manager is linked to a staff id (at most 64 characters)');
  await assertStoresExist(db, scope.stores);
  const oneTimePassword = newOneTimePassword();
  const rows = await db.query<UserRow>(
    `INSERT INTO office_users (user_id, email, display_name, password_hash, role, stores, staff_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING *`,
    [`user-${randomUUID()}`, email, displayName, await hashPassword(oneTimePassword), scope.role, JSON.stringify(scope.stores), staffId],
  );
  if (!rows[0]) throw new HubError(409, 'already_exists', `A user already has the e-mail ${email}`);
  const user = userInfo(rows[0]);
  await recordAudit(db, actor, { action: 'user.create', target: user.userId, after: user });
  return { user, oneTimePassword };
}

export async function listOfficeUsers(db: Queryable): Promise<OfficeUserInfo[]> {
  return (await db.query<UserRow>('SELECT * FROM office_users ORDER BY lower(email)')).map(userInfo);
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  if (email.length > MAX_EMAIL_LENGTH) return null;
  const [row] = await db.query<UserRow>('SELECT * FROM office_users WHERE lower(email) = lower($1)', [email.trim()]);
  return row ?? null;
}

async function userRow(db: Queryable, userId: string): Promise<UserRow> {
  const [row] = userId.length > 100 ? [] : await db.query<UserRow>('SELECT * FROM office_users WHERE user_id = $1 FOR UPDATE', [userId]);
  if (!row) throw new HubError(404, 'not_found', `No user ${userId}`);
  return row;
}

/** Nobody could administer the chain any more (the command line could still create one, but say so first). */
async function assertAnotherAdmin(db: Queryable, userId: string): Promise<void> {
  const others = await db.query("SELECT 1 FROM office_users WHERE role = 'admin' AND NOT disabled AND user_id <> $1 LIMIT 1", [userId]);
  if (others.length === 0) throw new HubError(409, 'invalid_user', 'This is the last enabled administrator: make another one first');
}

/**
 * Ends the user's sessions, and with the notice the live streams opened with them (the reports'
 * events), which were scoped to the role and stores the user had (sessions.ts imports this file).
 */
async function endAllSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM office_sessions WHERE user_id = $1', [userId]);
  await notifySessionsEnded(db, userId);
}

export type OfficeUserChange = {
  displayName?: string;
  role?: OfficeRole;
  stores?: readonly string[];
  disabled?: boolean;
  /** Turns the second factor off (a lost phone): the user enrolls again at the next sign-in. */
  resetTotp?: boolean;
};

/** Changes a user; disabling (or changing the role or stores) ends the user's sessions at once. */
export async function updateOfficeUser(
  db: Queryable,
  actor: AuditActor,
  userId: string,
  change: OfficeUserChange,
): Promise<OfficeUserInfo> {
  const before = await userRow(db, userId);
  const scope =
    change.role !== undefined || change.stores !== undefined
      ? checkedScope({ role: change.role ?? before.role, stores: change.stores ?? (change.role === 'admin' ? [] : before.stores) })
      : null;
  if (scope) await assertStoresExist(db, scope.stores);
  const stillAdmin = (scope?.role ?? before.role) === 'admin' && !(change.disabled ?? before.disabled);
  if (before.role === 'admin' && !before.disabled && !stillAdmin) await assertAnotherAdmin(db, userId);
  const [after] = await db.query<UserRow>(
    `UPDATE office_users SET display_name = $2, role = $3, stores = $4, disabled = $5, updated_at = now(),
       totp_secret = CASE WHEN $6 THEN NULL ELSE totp_secret END,
       totp_pending_secret = CASE WHEN $6 THEN NULL ELSE totp_pending_secret END
     WHERE user_id = $1 RETURNING *`,
    [
      userId,
      change.displayName === undefined ? before.display_name : displayNameOf(change.displayName),
      scope?.role ?? before.role,
      JSON.stringify(scope?.stores ?? before.stores),
      change.disabled ?? before.disabled,
      change.resetTotp === true,
    ],
  );
  if (scope || after!.disabled || change.resetTotp) await endAllSessions(db, userId);
  const info = userInfo(after!);
  await recordAudit(db, actor, { action: 'user.update', target: userId, before: userInfo(before), after: info });
  return info;
}

/** A new one-time password (returned this once): the old one stops working, sessions end, the lockout is lifted. */
export async function resetOfficePassword(
  db: Queryable,
  actor: AuditActor,
  userId: string,
): Promise<{ user: OfficeUserInfo; oneTimePassword: string }> {
  await userRow(db, userId);
  const oneTimePassword = newOneTimePassword();
  const [row] = await db.query<UserRow>(
    `UPDATE office_users SET password_hash = $2, must_change_password = true, failed_attempts = 0, locked_until = NULL, updated_at = now()
     WHERE user_id = $1 RETURNING *`,
    [userId, await hashPassword(oneTimePassword)],
  );
  await endAllSessions(db, userId);
  const user = userInfo(row!);
  await recordAudit(db, actor, { action: 'user.reset-password', target: userId });
  return { user, oneTimePassword };
}
