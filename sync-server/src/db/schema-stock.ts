import { STOCK_MOVEMENT_KINDS } from '@pos/core/sync/stock';
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/** The stock ledger, its running levels, transfers between stores and the stock projector's checkpoint. */

/**
 * The stock ledger: every change of a store's stock, in the product's unit (pieces, or grams
 * for weighed products). The movement id makes it idempotent: a sale line is `<saleId>:<lineId>`,
 * so a sale pushed twice moves stock once.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    storeId: text('store_id').notNull(),
    movementId: text('movement_id').notNull(),
    productId: text('product_id').notNull(),
    quantityDelta: bigint('quantity_delta', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: STOCK_MOVEMENT_KINDS }).notNull(),
    /** Where it comes from: the synced collection ('sales') or 'admin' for head-office entries. */
    sourceCollection: text('source_collection').notNull(),
    sourceId: text('source_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.movementId] }),
    index('stock_movements_product_idx').on(t.storeId, t.productId, t.createdAt),
    // The Stock page's movements, newest first within a store (src/stock/stock-reads.ts).
    index('stock_movements_recent_idx').on(t.storeId, t.createdAt, t.movementId),
    check('stock_movements_kind', sql.raw(`"kind" IN (${STOCK_MOVEMENT_KINDS.map((k) => `'${k}'`).join(', ')})`)),
  ],
);

/**
 * Transfers between stores (POST /api/v1/admin/stock-transfers): the client's id, what it moved
 * and a fingerprint of its body, so a retry changes nothing and another body under the same id
 * is refused. Its movements are in stock_movements (source 'transfer', source id = transfer_id).
 * It names two stores: a reference table under Citus.
 */
export const stockTransfers = pgTable('stock_transfers', {
  transferId: text('transfer_id').primaryKey(),
  fromStoreId: text('from_store_id').notNull(),
  toStoreId: text('to_store_id').notNull(),
  lines: jsonb('lines').notNull(),
  note: text('note').notNull().default(''),
  bodySha256: text('body_sha256').notNull(),
  createdAt: createdAt(),
});

/** The ledger's running sum per store and product. May go negative: both sales of a last unit are accepted. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    level: bigint('level', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId] }),
    // A level is sent to tills as a JSON number: beyond 2^53 it would arrive rounded (and PGlite
    // reads it as a BigInt JSON cannot write). A movement that would take it there fails alone.
    check('stock_levels_level_safe', sql`"level" BETWEEN -9007199254740991 AND 9007199254740991`),
    // Head office's exception list reads only the few negative levels.
    index('stock_levels_negative_idx')
      .on(t.storeId, t.productId)
      .where(sql`"level" < 0`),
  ],
);

/**
 * How far each store's verified sales have been turned into stock movements: the verified feed's
 * number (chain_records.feed_seq) of the last record the stock projector read. Sales are written
 * by pushes without touching stock; the chain verifier and then the projector follow, so a push
 * costs what storing the sales costs and only verified sales move stock.
 */
export const stockProjection = pgTable('stock_projection', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
