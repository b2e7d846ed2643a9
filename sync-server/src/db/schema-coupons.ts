import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/**
 * Coupons (issue 14; src/coupons): the single-use codes head office generates, the till blocks that
 * may accept some of them offline, and every use of a promotion's coupon. Under Citus the uses are
 * distributed by promotion id (every key starts with it, so one reservation's transaction stays on
 * one node); the codes are looked up by code from any till, a reference table.
 */

/**
 * One row per promotion whose coupon was ever used: the row each reservation locks (FOR UPDATE),
 * so two tills asking for the last use, or the same single-use code, are decided in turn.
 */
export const couponAccounts = pgTable('coupon_accounts', {
  promotionId: text('promotion_id').primaryKey(),
  createdAt: createdAt(),
});

/**
 * The single-use codes (core's newSingleUseCouponCode), by code: a code names its promotion. Kept
 * as typed so head office can export them again (a code gives one discount, it holds no money).
 * `block_*`: the till that may accept it offline (its block), null for codes kept for online use.
 */
export const couponCodes = pgTable(
  'coupon_codes',
  {
    code: text('code').primaryKey(),
    promotionId: text('promotion_id').notNull(),
    batchId: text('batch_id').notNull(),
    blockStoreId: text('block_store_id'),
    blockTillId: text('block_till_id'),
    blockId: text('block_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('coupon_codes_batch_idx').on(t.promotionId, t.batchId, t.code),
    index('coupon_codes_block_idx').on(t.blockStoreId, t.blockTillId, t.code),
  ],
);

/** A batch of single-use codes head office asked for (idempotent by its id: a retry answers the same codes). */
export const couponBatches = pgTable(
  'coupon_batches',
  {
    promotionId: text('promotion_id').notNull(),
    batchId: text('batch_id').notNull(),
    count: integer('count').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.promotionId, t.batchId] })],
);

/**
 * Every use of a promotion's coupon: a reservation made online (its id the till's), consumed by the
 * sale or released, or a redemption a till made offline with a code of its block (`sale:<saleId>`).
 * `request_hash` fingerprints the reservation (the same id for another code is refused), `incident`
 * says what went wrong without refusing a sealed sale (a code used twice, a budget overrun).
 */
export const couponUses = pgTable(
  'coupon_uses',
  {
    promotionId: text('promotion_id').notNull(),
    useId: text('use_id').notNull(),
    code: text('code').notNull(),
    customerId: text('customer_id'),
    storeId: text('store_id').notNull(),
    tillRef: text('till_ref').notNull(),
    state: text('state', { enum: ['reserved', 'consumed', 'released'] }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    at: text('at').notNull(),
    until: text('until'),
    saleId: text('sale_id'),
    offline: boolean('offline').notNull().default(false),
    incident: text('incident'),
    requestHash: text('request_hash').notNull(),
    answer: jsonb('answer').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.promotionId, t.useId] }), index('coupon_uses_code_idx').on(t.promotionId, t.code)],
);
