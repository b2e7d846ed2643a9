import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every version the hub ever saved of a versioned catalog document (a promotion, a loyalty
 * program), written in the transaction of each save: catalog_docs keeps only the latest, and a
 * sale naming a version since replaced must still be checked against what that version said.
 * Citus: a reference table, like catalog_docs.
 */
export const catalogDocVersions = pgTable(
  'catalog_doc_versions',
  {
    collection: text('collection').notNull(),
    id: text('id').notNull(),
    version: integer('version').notNull(),
    doc: jsonb('doc').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.collection, t.id, t.version] })],
);

/** The loyalty projector's place in each store's verified feed (src/loyalty/loyalty-projector.ts). */
export const loyaltyProjection = pgTable('loyalty_projection', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which member a sale earned for, once per sale whoever asks (the loyalty projector from the
 * sale's sealed earn, or a member attached after the sale by the sign-up): a sale never earns
 * twice, and a return finds here whose points its original earned (in any store).
 */
export const loyaltySaleEarns = pgTable('loyalty_sale_earns', {
  saleId: text('sale_id').primaryKey(),
  customerId: text('customer_id').notNull(),
  programId: text('program_id').notNull(),
  storeId: text('store_id'),
  earnedAt: timestamp('earned_at', { withTimezone: true }).notNull().defaultNow(),
});
