import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/** The chain verifier's tables (its checkpoint, chain heads, placed and pending records, breaks, anchors) and the hub's fiscal archives. */

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
    /**
     * An event record's sealedAt as its document holds it (null on the other chains): the JET
     * list's order and dates, read from an index rather than from every event document's JSON.
     */
    sealedAt: text('sealed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.tillId, t.chain, t.epoch, t.seq] }),
    uniqueIndex('chain_records_feed_idx')
      .on(t.storeId, t.feedSeq)
      .where(sql`"feed_seq" IS NOT NULL`),
    // The JET list, newest first: a page is a backward walk of this index, whatever the store's history.
    index('chain_records_jet_idx')
      .on(t.storeId, t.sealedAt, t.tillId, t.epoch, t.seq)
      .where(sql`"chain" = 'event'`),
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
