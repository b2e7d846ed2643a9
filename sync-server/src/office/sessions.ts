import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';
import { notifySessionsEnded } from './session-notice';
import { userOf, type UserRow } from './users';
import type { OfficeUser } from './roles';

export type SessionLimits = {
  /** A session nobody used for this long ends. */
  readonly idleMs: number;
  /** A session ends this long after sign-in, used or not. */
  readonly absoluteMs: number;
};

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

/** last_seen_at is written at most this often: a page loading ten requests does not write ten rows. */
const TOUCH_EVERY_MS = 60_000;
const MAX_TOKEN_LENGTH = 100;

export type OfficeSession = { readonly tokenHash: string; readonly user: OfficeUser; readonly csrfToken: string };

/**
 * The CSRF token of a session, derived from its secret token (which lives only in the HttpOnly
 * cookie): the page gets it in the body of the sign-in and of GET /me and sends it back in
 * `X-CSRF-Token`. Another site can make the browser send the cookie but can read neither.
 * Derived rather than stored, so every hub instance knows it without another column or secret.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`pos-office-csrf\0${sessionToken}`).digest('base64url');
}

export function csrfMatches(sessionToken: string, given: string | undefined): boolean {
  if (!given || given.length > 100) return false;
  const expected = Buffer.from(csrfTokenOf(sessionToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A new session: the token goes in the cookie, the database keeps its SHA-256. */
export async function openSession(db: Queryable, userId: string, limits: SessionLimits): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // The user's dead sessions go now: the table stays as small as the sessions in use.
  await db.query(
    `DELETE FROM office_sessions WHERE user_id = $1 AND (expires_at <= now() OR last_seen_at <= now() - $2::bigint * interval '1 millisecond')`,
    [userId, limits.idleMs],
  );
  await db.query(
    `INSERT INTO office_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + $3::bigint * interval '1 millisecond')`,
    [sha256Hex(token), userId, limits.absoluteMs],
  );
  return token;
}

/** The session of this token with its user, or null (unknown, idle too long, past its end, user disabled). */
export async function findSession(db: Queryable, token: string, limits: SessionLimits): Promise<OfficeSession | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const tokenHash = sha256Hex(token);
  const [row] = await db.query<UserRow & { stale: boolean }>(
    `SELECT u.*, s.last_seen_at < now() - $3::bigint * interval '1 millisecond' AS stale
       FROM office_sessions s JOIN office_users u ON u.user_id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
        AND s.last_seen_at > now() - $2::bigint * interval '1 millisecond'`,
    [tokenHash, limits.idleMs, TOUCH_EVERY_MS],
  );
  if (!row) return null;
  if (row.stale) await db.query('UPDATE office_sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
  return { tokenHash, user: userOf(row), csrfToken: csrfTokenOf(token) };
}

/**
 * Which of these sessions (token hashes) are still valid, as findSession decides, without touching
 * them: a live stream asking is not the user being active. One lookup by primary key for them all.
 */
export async function liveSessions(db: Queryable, tokenHashes: readonly string[], limits: SessionLimits): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const rows = await db.query<{ token_hash: string }>(
    `SELECT s.token_hash FROM office_sessions s JOIN office_users u ON u.user_id = s.user_id
      WHERE s.token_hash = ANY($1::text[]) AND s.expires_at > now() AND NOT u.disabled
        AND s.last_seen_at > now() - $2::bigint * interval '1 millisecond'`,
    [[...new Set(tokenHashes)], limits.idleMs],
  );
  return new Set(rows.map((r) => r.token_hash));
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  const [ended] = await db.query<{ user_id: string }>('DELETE FROM office_sessions WHERE token_hash = $1 RETURNING user_id', [tokenHash]);
  if (ended) await notifySessionsEnded(db, ended.user_id);
}

/** Every session of the user (on every hub instance at once: they all read this table), but `keep`. */
export async function endUserSessions(db: Queryable, userId: string, keep?: string): Promise<number> {
  const rows = await db.query('DELETE FROM office_sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING 1', [userId, keep ?? '']);
  if (rows.length > 0) await notifySessionsEnded(db, userId);
  return rows.length;
}
