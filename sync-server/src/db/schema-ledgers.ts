import { STORED_VALUE_KINDS } from '@pos/core/stored-value/stored-value-entries';
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/**
 * The loyalty and stored-value ledgers (issue 14; src/ledgers). Balances are never stored: the
 * service replays an account's entries with core's loyaltyBalance / storedValueBalance. Customer
 * tables are distributed by customer id under Citus, cards by card id: every key starts with it,
 * so one operation's transaction stays on one node.
 */

/**
 * One row per member and program: the row each operation locks (FOR UPDATE), so two tills
 * reserving the same points serialise. `last_entry_at` is the latest instant the hub wrote for the
 * account: the next one is never earlier, so a check never misses an entry another hub instance,
 * its clock a little behind, wrote just before.
 */
export const loyaltyAccounts = pgTable(
  'loyalty_accounts',
  {
    customerId: text('customer_id').notNull(),
    programId: text('program_id').notNull(),
    lastEntryAt: text('last_entry_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.programId] })],
);

/**
 * A member's ledger entries (core's LoyaltyEntry in `entry`), idempotent by entry id: an earn
 * pushed twice, a retried reservation, is one row. `request_hash` fingerprints the request that
 * wrote it (another request under the same id is refused), `answer` is what it was answered, given
 * again to a retry. `entry` is null for a return that took nothing back (its `answer` still counts
 * what it refunded, for the next returns of the sale).
 */
export const loyaltyEntries = pgTable(
  'loyalty_entries',
  {
    customerId: text('customer_id').notNull(),
    entryId: text('entry_id').notNull(),
    programId: text('program_id').notNull(),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    /** The sale an earn, a spend or a reversal is about (a reversal: the original sale). */
    saleId: text('sale_id'),
    tillId: text('till_id'),
    entry: jsonb('entry'),
    requestHash: text('request_hash').notNull(),
    answer: jsonb('answer').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.entryId] }), index('loyalty_entries_program_idx').on(t.customerId, t.programId, t.at)],
);

/**
 * Gift cards and store credit accounts. The code is a bearer secret, kept only as `code_hash`
 * (SHA-256 of the normalised code); the card id is derived from that hash (src/ledgers/card-id.ts),
 * so a look-up by code reads one row by its key. `issue_request_id` makes selling a card idempotent.
 */
export const storedValueCards = pgTable(
  'stored_value_cards',
  {
    cardId: text('card_id').primaryKey(),
    codeHash: text('code_hash').notNull(),
    kind: text('kind', { enum: STORED_VALUE_KINDS }).notNull(),
    currency: text('currency').notNull(),
    /** When the first amount loaded expires (null: never). */
    expiresAt: text('expires_at'),
    status: text('status', { enum: ['active', 'cancelled'] })
      .notNull()
      .default('active'),
    /** Store credit's member (by id; never a name). */
    customerId: text('customer_id'),
    issueRequestId: text('issue_request_id').notNull(),
    lastEntryAt: text('last_entry_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stored_value_cards_issue_request_idx').on(t.issueRequestId),
    check('stored_value_cards_kind', sql.raw(`"kind" IN (${STORED_VALUE_KINDS.map((k) => `'${k}'`).join(', ')})`)),
    check('stored_value_cards_status', sql`"status" IN ('active', 'cancelled')`),
  ],
);

/** A card's ledger entries (core's StoredValueEntry), idempotent by entry id, as loyalty_entries. */
export const storedValueEntries = pgTable(
  'stored_value_entries',
  {
    cardId: text('card_id').notNull(),
    entryId: text('entry_id').notNull(),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    amount: bigint('amount', { mode: 'number' }),
    saleId: text('sale_id'),
    tillId: text('till_id'),
    entry: jsonb('entry').notNull(),
    requestHash: text('request_hash').notNull(),
    answer: jsonb('answer').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.entryId] })],
);
