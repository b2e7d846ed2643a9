import { STOCK_MOVEMENT_KINDS } from '@pos/core/sync/stock';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The hub's one schema, for PGlite and PostgreSQL alike; migrations are generated from it
 * (`drizzle-kit generate`, see sync-server/README.md).
 *
 * Ready for Citus: every per-store table's primary key starts with `store_id` (distributed by
 * store, co-located, so a push's whole transaction stays on one node); the shared catalog
 * tables and the hub's own tables (enrollment codes, admin tokens) have no store and become
 * reference tables.
 *
 * Sequences are `bigint` read as JS numbers: 2^53 checkpoints is plenty, and both drivers then
 * return the same type.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

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

/** Looked up by the code alone (the till does not know its store yet), hence keyed by the code's hash. */
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

/**
 * The chain verifier's checkpoint per store: the store sequence of the last sale or till record it
 * read, and the last number of the store's verified feed (chain_records.feed_seq). Its row lock
 * serialises the store's verifiers (one per hub instance).
 */
export const chainVerification = pgTable('chain_verification', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  feedSeq: bigint('feed_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where each chain of each till is verified up to: the journal (`epoch`: 1, then one more at each
 * restart at sequence 1, a lost journal) and its last placed record's sequence and hash.
 */
export const chainHeads = pgTable(
  'chain_heads',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    chain: text('chain').notNull(),
    epoch: integer('epoch').notNull().default(1),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    hash: text('hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.tillId, t.chain] })],
);

/**
 * Every record the verifier placed on its chain, verified or broken, with its hash and link (a
 * record arriving late into a gap is checked against its neighbours here; an anchor against the
 * record it names). `feed_seq` numbers the verified feed: the records downstream projections
 * (stock…) consume, in verification order; null for a broken record or a sale whose arithmetic
 * failed.
 */
export const chainRecords = pgTable(
  'chain_records',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    chain: text('chain').notNull(),
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    collection: text('collection').notNull(),
    docId: text('doc_id').notNull(),
    hash: text('hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    /** 'verified', 'broken' or 'invalid_sale' (sound chain, failing arithmetic). */
    status: text('status').notNull(),
    feedSeq: bigint('feed_seq', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tillId, t.chain, t.epoch, t.seq] }),
    uniqueIndex('chain_records_feed_idx')
      .on(t.storeId, t.feedSeq)
      .where(sql`"feed_seq" IS NOT NULL`),
  ],
);

/**
 * Records read but not placed yet: after a gap (an earlier record has not arrived), or signed by a
 * key the hub does not know yet. `first_seen` starts the grace period after which the gap (or the
 * key) is a break.
 */
export const chainPending = pgTable(
  'chain_pending',
  {
    storeId: text('store_id').notNull(),
    collection: text('collection').notNull(),
    docId: text('doc_id').notNull(),
    tillId: text('till_id').notNull(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    docSeq: bigint('doc_seq', { mode: 'number' }).notNull(),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.collection, t.docId] })],
);

/**
 * What the verifier found wrong, one row per problem, naming the record (till, chain, journal,
 * sequence, document) with a stable code and words. Keyed by its content: found again, kept once.
 */
export const chainBreaks = pgTable(
  'chain_breaks',
  {
    storeId: text('store_id').notNull(),
    breakId: text('break_id').notNull(),
    tillId: text('till_id').notNull(),
    chain: text('chain').notNull(),
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    collection: text('collection'),
    docId: text('doc_id'),
    code: text('code').notNull(),
    problem: text('problem').notNull(),
    details: jsonb('details').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.breakId] }), index('chain_breaks_recent_idx').on(t.storeId, t.createdAt)],
);

/**
 * The highest head each till's `till.start` records anchored per chain (in the chain's journal):
 * the chain must reach it with the same hash, and no later start may anchor it lower.
 */
export const chainAnchors = pgTable(
  'chain_anchors',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    chain: text('chain').notNull(),
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    /** The till.start record that anchored it. */
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    eventDocId: text('event_doc_id').notNull(),
    anchoredAt: timestamp('anchored_at', { withTimezone: true }).notNull(),
    /** 'waiting' (not reached yet), 'reached', or 'flagged' (a break was recorded). */
    status: text('status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.tillId, t.chain] })],
);

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

/**
 * The hub's archive signing keys (Ed25519): the private key as PKCS #8 (DER, base64), made on the
 * first archive and kept in the database beside the records it vouches for, so every hub instance
 * of one PostgreSQL signs with the same key. One key is current (no `retired_at`); a retired key
 * stays, to be shown to whoever checks an older archive.
 */
export const hubArchiveKeys = pgTable('hub_archive_keys', {
  keyId: text('key_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/**
 * Every archive the hub made (the hub has no event chain of its own: this log is its journal of
 * archiving, JET codes 20 and 30): which store and period, by whom, with which key, and the
 * manifest's SHA-256 and signature, so an archive handed over can be matched to its making.
 */
export const archiveLog = pgTable(
  'archive_log',
  {
    storeId: text('store_id').notNull(),
    archiveId: text('archive_id').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** 20: intermediate (a period), 30: a whole fiscal year. */
    jetCode: integer('jet_code').notNull(),
    requestedBy: text('requested_by').notNull(),
    keyId: text('key_id').notNull(),
    records: bigint('records', { mode: 'number' }).notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    signature: text('signature').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.archiveId] })],
);

/**
 * How far each store's verified feed has been read by the closing projector (src/closings): the
 * verified feed's number (chain_records.feed_seq) of the last record it read.
 */
export const closingProjection = pgTable('closing_projection', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * How far each store's verified feed has been read by the reporting projector (src/reporting):
 * the verified feed's number (chain_records.feed_seq) of the last record it read.
 */
export const reportingProjection = pgTable('reporting_projection', {
  storeId: text('store_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Reporting facts (src/reporting), one row per verified sale or return (training sales never):
 * what the back office's reports read instead of the sealed documents. Amounts in minor units,
 * negative for a return; `tenders` the amount per method, `vat` the VAT rows (rate_bp, incl,
 * excl). Keyed by store first (Citus distribution column); the key also makes a sale count once.
 */
export const reportSales = pgTable(
  'report_sales',
  {
    storeId: text('store_id').notNull(),
    saleId: text('sale_id').notNull(),
    tillId: text('till_id').notNull(),
    businessDate: text('business_date').notNull(),
    localHour: integer('local_hour').notNull(),
    /** ISO weekday of the business date (1 Monday … 7 Sunday). */
    weekday: integer('weekday').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    staffId: text('staff_id').notNull(),
    totalIncl: bigint('total_incl', { mode: 'number' }).notNull(),
    totalExcl: bigint('total_excl', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    items: bigint('items', { mode: 'number' }).notNull(),
    tenders: jsonb('tenders').notNull(),
    vat: jsonb('vat').notNull(),
    /** When the sale completed (its sealed completedAt): the Sales list's order, newest first. */
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    /** Its place on the till's sale chain (journal and sequence): its fiscal status, its receipt code. */
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** The receipt code as printed (core's saleReceiptNumber). */
    receipt: text('receipt').notNull(),
    /** A return's original sale (returnOf.saleId); null for a sale or a return without receipt. */
    returnOf: text('return_of'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.saleId] }),
    index('report_sales_date_idx').on(t.storeId, t.businessDate),
    // The Sales list (src/reporting/sales-search.ts): newest first within a store, by receipt code, a sale's returns.
    index('report_sales_recent_idx').on(t.storeId, t.businessDate, t.completedAt, t.saleId),
    index('report_sales_receipt_idx').on(t.storeId, t.tillId, t.seq),
    index('report_sales_return_of_idx')
      .on(t.storeId, t.returnOf)
      .where(sql`"return_of" IS NOT NULL`),
  ],
);

/** Reporting facts, one row per line of a report_sales sale; signed like it. */
export const reportLines = pgTable(
  'report_lines',
  {
    storeId: text('store_id').notNull(),
    saleId: text('sale_id').notNull(),
    lineId: text('line_id').notNull(),
    businessDate: text('business_date').notNull(),
    tillId: text('till_id').notNull(),
    kind: text('kind').notNull(),
    productId: text('product_id').notNull(),
    /** The catalog's category of the product when the sale was projected ('' when none). */
    category: text('category').notNull(),
    /** Pieces, or grams for a weighed product. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** Pieces (a weighed line counts one). */
    items: bigint('items', { mode: 'number' }).notNull(),
    netIncl: bigint('net_incl', { mode: 'number' }).notNull(),
    netExcl: bigint('net_excl', { mode: 'number' }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    /** The line's salesperson, else the cashier. */
    salespersonId: text('salesperson_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.saleId, t.lineId] }), index('report_lines_date_idx').on(t.storeId, t.businessDate)],
);

/** What every daily roll-up sums (src/reporting/rollups.ts): net amounts, a return's negative. */
function rollupMeasures() {
  const sum = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
  return {
    storeId: text('store_id').notNull(),
    businessDate: text('business_date').notNull(),
    tickets: sum('tickets'),
    returns: sum('returns'),
    netIncl: sum('net_incl'),
    netExcl: sum('net_excl'),
    returnsIncl: sum('returns_incl'),
    discounts: sum('discounts'),
    items: sum('items'),
  };
}

/** Daily roll-ups per store and day, kept by the reporting projector in the step's transaction; keyed by store first (Citus). */
export const reportDay = pgTable('report_day', rollupMeasures(), (t) => [primaryKey({ columns: [t.storeId, t.businessDate] })]);

export const reportDayHour = pgTable('report_day_hour', { ...rollupMeasures(), hour: integer('hour').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.hour] }),
]);

export const reportDayTill = pgTable(
  'report_day_till',
  { ...rollupMeasures(), tillId: text('till_id').notNull(), channel: text('channel').notNull() },
  (t) => [primaryKey({ columns: [t.storeId, t.businessDate, t.tillId, t.channel] })],
);

export const reportDayCashier = pgTable('report_day_cashier', { ...rollupMeasures(), staffId: text('staff_id').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.staffId] }),
]);

export const reportDaySalesperson = pgTable(
  'report_day_salesperson',
  { ...rollupMeasures(), salespersonId: text('salesperson_id').notNull() },
  (t) => [primaryKey({ columns: [t.storeId, t.businessDate, t.salespersonId] })],
);

export const reportDayProduct = pgTable(
  'report_day_product',
  {
    ...rollupMeasures(),
    productId: text('product_id').notNull(),
    category: text('category').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.businessDate, t.productId] })],
);

export const reportDayTender = pgTable('report_day_tender', { ...rollupMeasures(), method: text('method').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.method] }),
]);

export const reportDayVat = pgTable('report_day_vat', { ...rollupMeasures(), rateBp: integer('rate_bp').notNull() }, (t) => [
  primaryKey({ columns: [t.storeId, t.businessDate, t.rateBp] }),
]);

/**
 * The verified records a closing is recomputed from, one row per record, with what finds them: a
 * sale's cash session and business date, a cash-session event's session, a void (found by its
 * place on the event chain between a session's opening and close). The records themselves stay in
 * store_docs.
 */
export const closingInputs = pgTable(
  'closing_inputs',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    chain: text('chain').notNull(),
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    docId: text('doc_id').notNull(),
    /** The payload's type ('sale', 'cash.session.open', 'sale.void'…). */
    type: text('type').notNull(),
    sessionId: text('session_id'),
    businessDate: text('business_date'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tillId, t.chain, t.epoch, t.seq] }),
    index('closing_inputs_session_idx')
      .on(t.storeId, t.tillId, t.sessionId)
      .where(sql`"session_id" IS NOT NULL`),
    index('closing_inputs_date_idx')
      .on(t.storeId, t.tillId, t.businessDate)
      .where(sql`"business_date" IS NOT NULL`),
  ],
);

/**
 * Every closing the hub verified — Z report (`closing.z`), daily (`closing.day`), monthly
 * (`closing.month`) and yearly (`closing.year`) closing — recomputed from the sealed records it
 * holds with core's functions (a month from its daily closings, a year from its monthly ones):
 * `match`, `difference` (which figures, in `differences`), `pending` (records still missing, in
 * `missing`) or `unreadable` (the closing or its records cannot be read: `problem`). Recomputed
 * again when a late record of its session or business day, or a late closing it sums or follows,
 * arrives.
 */
export const closingChecks = pgTable(
  'closing_checks',
  {
    storeId: text('store_id').notNull(),
    tillId: text('till_id').notNull(),
    epoch: integer('epoch').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    docId: text('doc_id').notNull(),
    /** 'z', 'day', 'month' or 'year'. */
    kind: text('kind').notNull(),
    /** A Z's cash session (null for the others). */
    sessionId: text('session_id'),
    /** The business date (a Z's session's, a daily closing's period), or a period closing's month ('2026-11') or fiscal year ('2026'). */
    businessDate: text('business_date'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    recomputed: jsonb('recomputed'),
    differences: jsonb('differences').notNull(),
    missing: jsonb('missing').notNull(),
    problem: text('problem'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tillId, t.epoch, t.seq] }),
    index('closing_checks_date_idx').on(t.storeId, t.businessDate),
    index('closing_checks_session_idx')
      .on(t.storeId, t.tillId, t.sessionId)
      .where(sql`"session_id" IS NOT NULL`),
    index('closing_checks_day_idx').on(t.storeId, t.tillId, t.kind, t.businessDate),
    check('closing_checks_status', sql`"status" IN ('match', 'difference', 'pending', 'unreadable')`),
    check('closing_checks_kind', sql`"kind" IN ('z', 'day', 'month', 'year')`),
  ],
);

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

/** Every table, children before parents (truncation and checks walk this list). */
export const ALL_TABLES = [
  auditLog,
  apiKeys,
  officeSessions,
  officeUsers,
  closingChecks,
  closingInputs,
  closingProjection,
  archiveLog,
  hubArchiveKeys,
  storeRoles,
  staff,
  chainAnchors,
  chainBreaks,
  chainPending,
  chainRecords,
  chainHeads,
  chainVerification,
  reportingProjection,
  reportSales,
  reportLines,
  reportDay,
  reportDayHour,
  reportDayTill,
  reportDayCashier,
  reportDaySalesperson,
  reportDayProduct,
  reportDayTender,
  reportDayVat,
  stockProjection,
  stockMovements,
  stockLevels,
  stockTransfers,
  quarantineOverflow,
  quarantine,
  incidents,
  catalogDocs,
  storeDocs,
  catalogCounter,
  storeCounters,
  adminTokens,
  enrollmentCodes,
  tillKeys,
  deviceTokens,
  tills,
  stores,
] as const;
