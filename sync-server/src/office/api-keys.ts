import { randomBytes, randomUUID } from 'node:crypto';
import { assertId } from '../admin/ids';
import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { can, isStoreAction, OFFICE_ACTIONS, roleAllows, routeNarrowsStores, type OfficeAction } from './access';
import { recordAudit, type AuditActor } from './audit';
import type { OfficeUser } from './roles';
import { userOf, type UserRow } from './users';

/**
 * API keys owned by a head-office user (issue 13): for a person's scripts and for channels (the
 * web shop next). A key acts with its scopes ∩ its owner's rights at the time of each request, so
 * a demoted owner's key loses what the owner lost and a disabled owner's keys stop. Admin tokens
 * (auth/admin-tokens.ts) stay the hub operator's break-glass: all-powerful, owned by nobody.
 */

/** Every key starts so: the admin guard tells it from an admin token (`admin.…`) before any lookup. */
export const API_KEY_PREFIX = 'pos_key.';
export const MAX_KEY_LABEL_LENGTH = 200;
export const MAX_KEY_DAYS = 366;
export const MAX_KEY_STORES = 100;
/** Keys per user, revoked and expired ones included (they are kept for the audit trail). */
export const MAX_KEYS_PER_USER = 100;
const DAY_MS = 86_400_000;
/** last_used_at is written at most this often per key. */
const TOUCH_EVERY_MS = 60_000;

export type ApiKeyInfo = {
  readonly keyId: string;
  readonly userId: string;
  readonly label: string;
  readonly scopes: readonly OfficeAction[];
  /** The stores the key is narrowed to, or null: wherever its owner may act. */
  readonly stores: readonly string[] | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
};

type KeyRow = {
  key_id: string;
  user_id: string;
  label: string;
  scopes: OfficeAction[];
  stores: string[] | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

function info(row: KeyRow): ApiKeyInfo {
  return {
    keyId: row.key_id,
    userId: row.user_id,
    label: row.label,
    scopes: row.scopes,
    stores: row.stores,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export type NewApiKey = {
  readonly label: string;
  readonly scopes: readonly string[];
  readonly stores?: readonly string[] | null;
  /** Required: no key lives for ever (at most MAX_KEY_DAYS from now). */
  readonly expiresAt: string;
};

function invalid(message: string): HubError {
  return new HubError(400, 'invalid_api_key', message);
}

function checkedScopes(owner: OfficeUser, scopes: readonly string[]): OfficeAction[] {
  const unique = [...new Set(scopes)];
  if (unique.length === 0 || unique.length > OFFICE_ACTIONS.length) throw invalid(`scopes: 1 to ${OFFICE_ACTIONS.length} actions`);
  for (const scope of unique) {
    if (!(OFFICE_ACTIONS as readonly string[]).includes(scope)) throw invalid(`scopes: one of ${OFFICE_ACTIONS.join(', ')}`);
    if (!roleAllows(owner.role, scope as OfficeAction)) throw invalid(`scopes: your role does not allow ${scope}`);
  }
  return unique as OfficeAction[];
}

function checkedStores(owner: OfficeUser, stores: readonly string[] | null | undefined): string[] | null {
  if (stores === undefined || stores === null) return null;
  const unique = [...new Set(stores.map((s) => assertId('store', s.trim())))];
  if (unique.length === 0 || unique.length > MAX_KEY_STORES) throw invalid(`stores: 1 to ${MAX_KEY_STORES} stores, or none listed`);
  const foreign = owner.role === 'admin' ? [] : unique.filter((s) => !owner.stores.includes(s));
  if (foreign.length > 0) throw invalid(`stores: you do not cover ${foreign.join(', ')}`);
  return unique;
}

function checkedExpiry(expiresAt: string, now: number): Date {
  const at = new Date(expiresAt);
  if (expiresAt.length > 40 || Number.isNaN(at.getTime())) throw invalid('expiresAt: a date and time (ISO 8601)');
  if (at.getTime() <= now) throw invalid('expiresAt: in the future');
  if (at.getTime() > now + MAX_KEY_DAYS * DAY_MS) throw invalid(`expiresAt: at most ${MAX_KEY_DAYS} days from now`);
  return at;
}

function actorOf(user: OfficeUser): AuditActor {
  return { kind: 'user', userId: user.userId, email: user.email };
}

/** A new key for `owner`, never wider than the owner's role and stores: the secret is returned this once. */
export async function createApiKey(db: Queryable, owner: OfficeUser, input: NewApiKey): Promise<{ key: ApiKeyInfo; secret: string }> {
  const label = input.label.trim();
  if (!label || label.length > MAX_KEY_LABEL_LENGTH) throw invalid(`label: 1 to ${MAX_KEY_LABEL_LENGTH} characters saying what uses it`);
  const scopes = checkedScopes(owner, input.scopes);
  const stores = checkedStores(owner, input.stores);
  const expiresAt = checkedExpiry(input.expiresAt, Date.now());
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys WHERE user_id = $1', [owner.userId]);
  if (count!.n >= MAX_KEYS_PER_USER) throw new HubError(409, 'too_many_api_keys', `At most ${MAX_KEYS_PER_USER} keys per user`);
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db.query<KeyRow>(
    `INSERT INTO api_keys (key_id, key_hash, user_id, label, scopes, stores, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [`key-${randomUUID()}`, sha256Hex(secret), owner.userId, label, JSON.stringify(scopes), stores && JSON.stringify(stores), expiresAt],
  );
  const key = info(row!);
  await recordAudit(db, actorOf(owner), { action: 'api-key.create', target: key.keyId, after: key });
  return { key, secret };
}

/** The user's keys, newest first, revoked and expired ones included (never a secret). */
export async function listApiKeys(db: Queryable, userId: string): Promise<ApiKeyInfo[]> {
  const rows = await db.query<KeyRow>('SELECT * FROM api_keys WHERE user_id = $1 ORDER BY created_at DESC, key_id LIMIT $2', [
    userId,
    MAX_KEYS_PER_USER,
  ]);
  return rows.map(info);
}

/** Revokes one of the owner's keys, at once on every hub instance (each request reads the table). */
export async function revokeApiKey(db: Queryable, owner: OfficeUser, keyId: string): Promise<ApiKeyInfo> {
  const [before] =
    keyId.length > 100 ? [] : await db.query<KeyRow>('SELECT * FROM api_keys WHERE key_id = $1 AND user_id = $2', [keyId, owner.userId]);
  if (!before) throw new HubError(404, 'not_found', `You have no API key ${keyId}`);
  const [after] = await db.query<KeyRow>('UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = $1 RETURNING *', [
    keyId,
  ]);
  const key = info(after!);
  await recordAudit(db, actorOf(owner), { action: 'api-key.revoke', target: keyId, before: info(before), after: key });
  return key;
}

/** A key that let a request in: what it may do, and who owns it as the owner is now. */
export type ApiKeyHolder = { readonly key: ApiKeyInfo; readonly owner: OfficeUser };

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** The key's holder, or 401 for a key unknown, revoked, expired, or whose owner is disabled. */
export async function authenticateApiKey(db: Queryable, secret: string): Promise<ApiKeyHolder> {
  const [row] =
    secret.length > 200
      ? []
      : await db.query<KeyRow & { owner: UserRow; stale: boolean }>(
          `SELECT k.*, to_jsonb(u) AS owner, coalesce(k.last_used_at < now() - $2::bigint * interval '1 millisecond', true) AS stale
             FROM api_keys k JOIN office_users u ON u.user_id = k.user_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND k.expires_at > now() AND NOT u.disabled`,
          [sha256Hex(secret), TOUCH_EVERY_MS],
        );
  if (!row) throw new HubError(401, 'unauthorized', 'This API key is not valid (unknown, revoked, expired, or its owner is disabled)');
  if (row.stale) await db.query('UPDATE api_keys SET last_used_at = now() WHERE key_id = $1', [row.key_id]);
  return { key: info(row), owner: userOf(row.owner) };
}

/**
 * May the key do `action` (in `storeId`)? Its scope, its stores, and its owner's rights now, all
 * three. A store's action without a store in the path is let through only where the route narrows
 * to the key's stores itself (routeNarrowsStores: the store list, the dashboard, a transfer).
 */
export function keyAllows(holder: ApiKeyHolder, action: OfficeAction, storeId?: string): boolean {
  const { key, owner } = holder;
  if (!key.scopes.includes(action) || !can(owner, action, storeId)) return false;
  if (key.stores === null || !isStoreAction(action)) return true;
  return storeId === undefined ? routeNarrowsStores(action) : key.stores.includes(storeId);
}
