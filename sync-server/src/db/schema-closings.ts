import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The closing projector's checkpoint, the records closings are recomputed from, and every closing's check. */

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
