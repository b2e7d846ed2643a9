import type { CustomerConsent, CustomerConsents } from '@pos/core/customers/customer-view';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './schema-columns';

/** A consent as recorded: given or withdrawn, when the customer said it, and where (a store id, or 'web'). */
/** The consents as stored: core's wire shape (core/src/customers/customer-view.ts). */
export type StoredConsent = CustomerConsent;
export type StoredConsents = CustomerConsents;

/**
 * The chain's customers (issue 14, src/customers): one person in every store and online. The id is
 * made by the till (a customer created offline) or the hub. Each way of finding someone has its
 * normalised form (core/src/customers) and an index, partial on live rows: a search is an index
 * scan among a million, and never sees a customer merged away. Under Citus the table is
 * distributed by `id`: a read or write by id runs on one worker, a search fans out to every worker
 * and each scans its share of the index.
 *
 * A merged customer keeps its row as a tombstone: `merged_into` names the customer kept, its
 * personal data is cleared (the card number stays when the kept customer has one of their own, so
 * the old card still finds the right person).
 */
export const chainCustomers = pgTable(
  'chain_customers',
  {
    id: text('id').primaryKey(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    /** Names folded for search (accents, case): core's foldName. */
    firstNameKey: text('first_name_key'),
    lastNameKey: text('last_name_key'),
    email: text('email'),
    emailNormalised: text('email_normalised'),
    phone: text('phone'),
    phoneNormalised: text('phone_normalised'),
    cardNumber: text('card_number'),
    postalCode: text('postal_code'),
    consents: jsonb('consents').$type<StoredConsents>().notNull().default({}),
    /** The store whose till created the customer; null when head office or the web did. */
    createdStore: text('created_store'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** 1 at creation, + 1 on each change: an update names the version it read (409 otherwise). */
    version: integer('version').notNull().default(1),
    mergedInto: text('merged_into'),
  },
  (t) => [
    check('chain_customers_id_length', sql`length(${t.id}) BETWEEN 1 AND 64`),
    uniqueIndex('chain_customers_card_idx').on(t.cardNumber),
    index('chain_customers_phone_idx')
      .on(t.phoneNormalised)
      .where(sql`${t.mergedInto} IS NULL`),
    index('chain_customers_email_idx')
      .on(t.emailNormalised)
      .where(sql`${t.mergedInto} IS NULL`),
    // Byte order (COLLATE "C"): a prefix LIKE is a range of this index and its order is the
    // list's, so "du" among a million reads the first 20 matches and stops (no sort).
    index('chain_customers_name_idx')
      .on(sql`${t.lastNameKey} COLLATE "C"`, sql`${t.firstNameKey} COLLATE "C"`, sql`${t.id} COLLATE "C"`)
      .where(sql`${t.mergedInto} IS NULL`),
    index('chain_customers_merged_into_idx').on(t.mergedInto),
  ],
);
