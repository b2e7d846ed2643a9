import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/**
 * Sign-ups from a receipt's QR code (issue 14, src/signup): a customer who was not a member claims
 * the sale they just paid. One row per (sale, proof) sent: `pending` until the sale's record is at
 * the hub and verified (the till may be offline for hours), then `claimed` when the proof is the
 * one hashed from the record's hash (core's joinProof), `refused` otherwise. At most one claimed
 * row per sale (a partial unique index): a sale's points go to one member, once. Proofs that differ
 * wait side by side (at most a few per sale), so a stranger's guess never locks out the receipt's
 * holder. Citus: distributed by store_id with the store's sales.
 */
export const signupClaims = pgTable(
  'signup_claims',
  {
    storeId: text('store_id').notNull(),
    saleId: text('sale_id').notNull(),
    proof: text('proof').notNull(),
    /** The chain customer made by the sign-up (chain_customers.id). */
    customerId: text('customer_id').notNull(),
    status: text('status').notNull().default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.saleId, t.proof] }),
    check('signup_claims_status', sql`${t.status} IN ('pending', 'claimed', 'refused')`),
    uniqueIndex('signup_claims_claimed_idx')
      .on(t.storeId, t.saleId)
      .where(sql`${t.status} = 'claimed'`),
    index('signup_claims_customer_idx').on(t.customerId),
  ],
);

/** The sign-up projector's place in each store's verified feed (src/signup/signup-projector.ts). */
export const signupProjection = pgTable('signup_projection', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The hub's key for the links it signs for people without an account (the sign-up form's token,
 * a member's wallet pass links): HMAC-SHA-256, 32 random bytes in hex, made on first use and the
 * same for every hub instance of one database, like the archive key. A reference table under Citus.
 */
export const hubLinkKeys = pgTable('hub_link_keys', {
  keyId: text('key_id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});
