import { sql } from 'drizzle-orm';
import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';
import { stores } from './schema-stores';

/** A store's staff at the till and its tightening of the chain's roles. */

/**
 * A store's staff, managed at the hub and pulled by the store's tills (GET /api/v1/till/staff).
 * The PIN is only ever kept as the scrypt hash made at the hub from the PIN given once; a badge
 * code is unique within its store. `version` goes up at each change.
 */
export const staff = pgTable(
  'staff',
  {
    storeId: text('store_id').notNull(),
    staffId: text('staff_id').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    badgeCode: text('badge_code'),
    pinHash: text('pin_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.staffId] }),
    foreignKey({ columns: [t.storeId], foreignColumns: [stores.storeId] }).onDelete('cascade'),
    uniqueIndex('staff_badge_idx')
      .on(t.storeId, t.badgeCode)
      .where(sql`${t.badgeCode} IS NOT NULL`),
  ],
);

/**
 * A store's tightening of a chain role: the permissions the role keeps in this store (a subset of
 * core's ROLE_PERMISSIONS for it). No row: the chain's role as it is.
 */
export const storeRoles = pgTable(
  'store_roles',
  {
    storeId: text('store_id').notNull(),
    role: text('role').notNull(),
    permissions: jsonb('permissions').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.role] }),
    foreignKey({ columns: [t.storeId], foreignColumns: [stores.storeId] }).onDelete('cascade'),
  ],
);
