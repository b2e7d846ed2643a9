import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/** What the sync protocol stores: the checkpoint counters, the synced documents, and what it refused or flagged. */

/**
 * Checkpoint sequences. A push takes its numbers by updating its store's row: the row lock
 * serialises the store's writers, so commit order equals sequence order and a pull never skips
 * a row committed late.
 */
export const storeCounters = pgTable('store_counters', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
});

/** One row (id 1) for the whole shared catalog. */
export const catalogCounter = pgTable('catalog_counter', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
});

/**
 * Synced documents of one store. `doc` is the document as the till sent it minus `id` and
 * `_deleted` (kept in columns); anything the hub knows about a document lives in columns too, so
 * it can never make a retried push look different.
 */
export const storeDocs = pgTable(
  'store_docs',
  {
    storeId: text('store_id').notNull(),
    collection: text('collection').notNull(),
    id: text('id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    doc: jsonb('doc').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    /** The till that last wrote it (null when the hub did). */
    tillId: text('till_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.collection, t.id] }), uniqueIndex('store_docs_seq_idx').on(t.storeId, t.collection, t.seq)],
);

export const catalogDocs = pgTable(
  'catalog_docs',
  {
    collection: text('collection').notNull(),
    id: text('id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    doc: jsonb('doc').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collection, t.id] }),
    uniqueIndex('catalog_docs_seq_idx').on(t.collection, t.seq),
    // "Which product already has this barcode?" (catalog writes and CSV imports refuse a barcode
    // on two products). The literal predicate lets a query naming collection = 'products' use it.
    // No fast update: its pending list, filled by a bulk seed or import, is scanned whole by every
    // lookup until a vacuum merges it (~1 ms per code measured); catalog writes are rare.
    index('catalog_docs_barcodes_idx')
      .using('gin', sql`("doc" -> 'barcodes')`)
      .with({ fastupdate: false })
      .where(sql`"collection" = 'products'`),
    // The back office's product search (GET /api/v1/admin/products) on 300,000 live products: any
    // word of the name by prefix (the computed, accent-free words), a SKU, a category page by id.
    index('catalog_docs_words_idx')
      .using('gin', sql`to_tsvector('simple'::regconfig, "doc" -> 'words')`)
      .where(sql`"collection" = 'products' AND NOT "deleted"`),
    index('catalog_docs_sku_idx')
      .on(sql`("doc" ->> 'sku')`)
      .where(sql`"collection" = 'products' AND NOT "deleted"`),
    index('catalog_docs_category_idx')
      .on(sql`("doc" ->> 'category')`, t.id)
      .where(sql`"collection" = 'products' AND NOT "deleted"`),
  ],
);

/** Things head office must look at, e.g. kind 'conflict': the same id pushed again with other content. */
export const incidents = pgTable(
  'incidents',
  {
    storeId: text('store_id').notNull(),
    /** Derived from the content, so a till retrying the same conflicting push records it once. */
    incidentId: text('incident_id').notNull(),
    kind: text('kind').notNull(),
    collection: text('collection').notNull(),
    docId: text('doc_id').notNull(),
    tillId: text('till_id'),
    details: jsonb('details').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.incidentId] })],
);

/**
 * Documents the hub refused: the reason, the start of the document's JSON text and the hash and
 * size of all of it (never a whole copy: refused documents can be megabytes, pushed again and again).
 */
export const quarantine = pgTable(
  'quarantine',
  {
    storeId: text('store_id').notNull(),
    /** Derived from the content, so a retried refused push is kept once. */
    quarantineId: text('quarantine_id').notNull(),
    collection: text('collection').notNull(),
    docId: text('doc_id'),
    tillId: text('till_id'),
    /** The reason as a stable word (sync/document-checks.ts RefusalCode); null on rows kept before 0007. */
    code: text('code'),
    reason: text('reason').notNull(),
    /** The first characters of the document's JSON text (sync/quarantine.ts QUARANTINE_EXCERPT_CHARS). */
    excerpt: text('excerpt').notNull(),
    /** SHA-256 (hex) of the document's whole JSON text as UTF-8. */
    docSha256: text('doc_sha256').notNull(),
    docBytes: integer('doc_bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.quarantineId] })],
);

/** Refusals past a store's quarantine quota: counted per collection and reason, without their content. */
export const quarantineOverflow = pgTable(
  'quarantine_overflow',
  {
    storeId: text('store_id').notNull(),
    collection: text('collection').notNull(),
    code: text('code').notNull(),
    refusals: bigint('refusals', { mode: 'number' }).notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.collection, t.code] })],
);
