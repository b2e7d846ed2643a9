import type { Queryable } from '../db/database';

/** What a merge moved from the merged customer to the one kept (all zero when there was nothing, or a merge given again). */
export type LedgersMoved = {
  /** Loyalty entries moved, in every program. */
  readonly loyaltyEntries: number;
  /** Of those, entries whose id the kept customer already used: moved under `merged:<from>:<id>` (counted once, never lost). */
  readonly renamedEntries: number;
  /** Gift cards and store credit the merged customer held, now the kept customer's. */
  readonly cards: readonly string[];
};

type EntryRow = {
  entry_id: string;
  program_id: string;
  kind: string;
  at: string;
  sale_id: string | null;
  till_id: string | null;
  entry: unknown;
  request_hash: string;
  answer: unknown;
  created_at: string;
};

/**
 * Moves the merged customer's ledgers to the one kept, in the merge's transaction (both customer
 * rows locked): every loyalty entry as it was (earns with their instants and expiry, reservations
 * still open, the answers a retry gets), so the kept customer's balance is both replays together
 * and a till retrying an earn or spending a reservation made for the merged id (resolved by
 * resolveCustomerId) finds its entry. The accounts are locked in key order, as ledger operations
 * lock them, and the kept account's last instant becomes the later of the two. Cards held by the
 * merged customer name the kept one. Moving is its own guard: a merge given again finds nothing
 * left to move, or only what a writer that did not resolve the id wrote since.
 *
 * Rows are copied then deleted, never updated in place: under Citus the customer id is the
 * distribution column and a row of another customer lives on another shard.
 */
export async function moveCustomerLedgers(tx: Queryable, from: string, into: string): Promise<LedgersMoved> {
  await tx.query('SELECT 1 FROM loyalty_accounts WHERE customer_id = ANY($1) ORDER BY customer_id, program_id FOR UPDATE', [[from, into]]);
  const accounts = await tx.query<{ program_id: string; last_entry_at: string | null }>(
    'SELECT program_id, last_entry_at FROM loyalty_accounts WHERE customer_id = $1',
    [from],
  );
  for (const account of accounts)
    await tx.query(
      `INSERT INTO loyalty_accounts (customer_id, program_id, last_entry_at) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id, program_id) DO UPDATE SET last_entry_at = GREATEST(loyalty_accounts.last_entry_at, EXCLUDED.last_entry_at)`,
      [into, account.program_id, account.last_entry_at],
    );
  const entries = await tx.query<EntryRow>(
    `SELECT entry_id, program_id, kind, at, sale_id, till_id, entry, request_hash, answer, created_at::text AS created_at
       FROM loyalty_entries WHERE customer_id = $1 ORDER BY entry_id`,
    [from],
  );
  let renamed = 0;
  if (entries.length > 0) {
    const taken = new Set(
      (
        await tx.query<{ entry_id: string }>('SELECT entry_id FROM loyalty_entries WHERE customer_id = $1 AND entry_id = ANY($2)', [
          into,
          entries.map((e) => e.entry_id),
        ])
      ).map((r) => r.entry_id),
    );
    const rows = entries.map((e) => {
      if (!taken.has(e.entry_id)) return e;
      renamed += 1;
      return { ...e, entry_id: `merged:${from}:${e.entry_id}` };
    });
    await tx.query(
      `INSERT INTO loyalty_entries (customer_id, entry_id, program_id, kind, at, sale_id, till_id, entry, request_hash, answer, created_at)
       SELECT $1, r.entry_id, r.program_id, r.kind, r.at, r.sale_id, r.till_id, r.entry, r.request_hash, r.answer, r.created_at
         FROM jsonb_to_recordset($2::jsonb) AS r(entry_id text, program_id text, kind text, at text, sale_id text, till_id text,
              entry jsonb, request_hash text, answer jsonb, created_at timestamptz)`,
      [into, JSON.stringify(rows)],
    );
    await tx.query('DELETE FROM loyalty_entries WHERE customer_id = $1', [from]);
  }
  await tx.query('DELETE FROM loyalty_accounts WHERE customer_id = $1', [from]);
  const cards = await tx.query<{ card_id: string }>(
    'UPDATE stored_value_cards SET customer_id = $2 WHERE customer_id = $1 RETURNING card_id',
    [from, into],
  );
  return { loyaltyEntries: entries.length, renamedEntries: renamed, cards: cards.map((c) => c.card_id).sort() };
}
