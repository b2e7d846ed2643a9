import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/** The back office: head-office users, their sessions and API keys, and the audit log. */

/**
 * Head-office people who sign in to the back office (issue 13): e-mail unique whatever its case,
 * the password as a scrypt hash only (office/password-hash.ts), a role and the stores it covers
 * (`stores`, a JSON array of store ids: a regional manager's, a store manager's one, an
 * accountant's; an admin's is empty, it covers all). Failed attempts and the lockout live here so
 * they survive a restart and hold across hub instances. The TOTP secret (base32) is needed in
 * clear to check codes; `totp_last_step` refuses a code used before within its window.
 * A reference table under Citus (no store).
 */
export const officeUsers = pgTable(
  'office_users',
  {
    userId: text('user_id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    role: text('role').notNull(),
    stores: jsonb('stores').notNull().default([]),
    /** A store manager's staff id at the till, when the same person signs in there. */
    staffId: text('staff_id'),
    disabled: boolean('disabled').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** The last successful sign-in (shown on the users page). */
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('office_users_email_idx').on(sql`lower(${t.email})`),
    check('office_users_role', sql`${t.role} IN ('admin', 'regional', 'store-manager', 'accountant')`),
  ],
);

/**
 * Back-office sessions, shared by every hub instance: the cookie's token is kept as its SHA-256
 * only. A session ends when idle too long (`last_seen_at`) or at `expires_at`, whichever first.
 */
export const officeSessions = pgTable(
  'office_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => officeUsers.userId, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('office_sessions_user_idx').on(t.userId)],
);

/**
 * API keys owned by a head-office user (issue 13): for people's scripts and channels (the web
 * shop next), where admin tokens are the hub operator's break-glass. Stored as the SHA-256 of the
 * key only; `scopes` is a JSON array of office/access.ts actions, `stores` (a JSON array, or null:
 * the owner's) narrows where; a key acts with its scopes ∩ its owner's rights at the time of the
 * request, so it stops with a disabled owner. Every key expires. A reference table under Citus.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    keyId: text('key_id').primaryKey(),
    keyHash: text('key_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => officeUsers.userId, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    scopes: jsonb('scopes').notNull(),
    stores: jsonb('stores'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.keyHash), index('api_keys_user_idx').on(t.userId)],
);

/**
 * Who changed what, with an office session, an admin token or the command line: the target and
 * its state before and after, secrets (PINs, passwords, TOTP secrets, tokens) left out.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** 'user' (an office session), 'token' (an admin token) or 'cli' (the command line on the database). */
    actorKind: text('actor_kind').notNull(),
    /** The user's id and e-mail, the admin token's id, or the command line. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    storeId: text('store_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
