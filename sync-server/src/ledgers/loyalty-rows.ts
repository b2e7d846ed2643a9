import type { LoyaltyEntry } from '@pos/core';
import type { Queryable } from '../db/database';
import { resolveCustomerId } from '../customers/customer-resolve';
import type { LedgerAccount } from './ledger-operation';

export type LoyaltyAccountKey = { readonly customerId: string; readonly programId: string };

/** The rows of one member's ledger in one program (loyalty_accounts, loyalty_entries): every statement names the customer first. */
export function loyaltyAccount(requested: LoyaltyAccountKey): LedgerAccount<LoyaltyEntry> {
  // A merged customer's id writes to the customer kept (resolved once the account is about to be locked).
  let key = requested;
  return {
    async lock(tx) {
      key = { ...requested, customerId: await resolveCustomerId(tx, requested.customerId) };
      await tx.query('INSERT INTO loyalty_accounts (customer_id, program_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        key.customerId,
        key.programId,
      ]);
      const [row] = await tx.query<{ last_entry_at: string | null }>(
        'SELECT last_entry_at FROM loyalty_accounts WHERE customer_id = $1 AND program_id = $2 FOR UPDATE',
        [key.customerId, key.programId],
      );
      return { lastEntryAt: row?.last_entry_at ?? null };
    },
    async find(tx, entryId) {
      const [row] = await tx.query<{ request_hash: string; answer: unknown }>(
        'SELECT request_hash, answer FROM loyalty_entries WHERE customer_id = $1 AND entry_id = $2',
        [key.customerId, entryId],
      );
      return row ? { requestHash: row.request_hash, answer: row.answer } : undefined;
    },
    entries: (tx) => loyaltyEntriesOf(tx, key),
    async insert(tx, row, requestHash) {
      await tx.query(
        `INSERT INTO loyalty_entries (customer_id, entry_id, program_id, kind, at, sale_id, till_id, entry, request_hash, answer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          key.customerId,
          row.entryId,
          key.programId,
          row.kind,
          row.at,
          row.saleId ?? null,
          row.tillId ?? null,
          row.entry === null ? null : JSON.stringify(row.entry),
          requestHash,
          JSON.stringify(row.answer),
        ],
      );
    },
    async touch(tx, at) {
      await tx.query('UPDATE loyalty_accounts SET last_entry_at = $3 WHERE customer_id = $1 AND program_id = $2', [
        key.customerId,
        key.programId,
        at,
      ]);
    },
  };
}

/** Every entry of a member in a program, as core's loyaltyBalance reads them (a merged member's: the kept one's). */
export async function loyaltyEntriesOf(db: Queryable, requested: LoyaltyAccountKey): Promise<LoyaltyEntry[]> {
  const key = { ...requested, customerId: await resolveCustomerId(db, requested.customerId) };
  const rows = await db.query<{ entry: LoyaltyEntry }>(
    'SELECT entry FROM loyalty_entries WHERE customer_id = $1 AND program_id = $2 AND entry IS NOT NULL',
    [key.customerId, key.programId],
  );
  return rows.map((r) => r.entry);
}
