import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/** The stores, their tills, and what lets a till or the hub's command line in: device tokens, till keys, enrollment codes, admin tokens. */

export const stores = pgTable(
  'stores',
  {
    storeId: text('store_id').primaryKey(),
    name: text('name').notNull(),
    profile: jsonb('profile'),
    createdAt: createdAt(),
  },
  // "catalog" names the shared scope in change notifications, so no store may be called that.
  (t) => [check('stores_store_id_not_catalog', sql`lower(${t.storeId}) <> 'catalog'`)],
);

export const tills = pgTable(
  'tills',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    label: text('label'),
    createdAt: createdAt(),
    /** The till software's version, from the X-Pos-App-Version header of its sync requests (written when it changes). */
    appVersion: text('app_version'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tillId] }),
    foreignKey({ columns: [t.storeId], foreignColumns: [stores.storeId] }).onDelete('cascade'),
  ],
);

/** A device token is `<storeId>.<random>`: the store is known before the lookup; only its SHA-256 is kept. */
export const deviceTokens = pgTable(
  'device_tokens',
  {
    storeId: text('store_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    tillId: text('till_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tokenHash] }),
    foreignKey({ columns: [t.storeId, t.tillId], foreignColumns: [tills.storeId, tills.tillId] }).onDelete('cascade'),
    index('device_tokens_till_idx').on(t.storeId, t.tillId),
  ],
);

/**
 * The public keys each till signs its fiscal records with: registered at enrollment with a proof
 * of possession, or introduced by a verified key rotation of the till's own event chain. Never
 * deleted: an old key verifies the records it signed.
 */
export const tillKeys = pgTable(
  'till_keys',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    keyId: text('key_id').notNull(),
    publicKey: text('public_key').notNull(),
    /** 'enrollment' or 'rotation'. */
    source: text('source').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tillId, t.keyId] }),
    foreignKey({ columns: [t.storeId, t.tillId], foreignColumns: [tills.storeId, tills.tillId] }).onDelete('cascade'),
  ],
);

/** Looked up by the code alone (the till does not know its store yet), hence keyed by the code's hash. */
export const enrollmentCodes = pgTable('enrollment_codes', {
  codeHash: text('code_hash').primaryKey(),
  storeId: text('store_id').notNull(),
  tillId: text('till_id').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Tokens of the hub's own command line (hub.json), kept hashed like device tokens. */
export const adminTokens = pgTable('admin_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  label: text('label').notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
