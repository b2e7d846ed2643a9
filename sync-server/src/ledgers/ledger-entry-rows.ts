import type { Queryable } from '../db/database';
import type { LoyaltyAccountKey } from './loyalty-rows';

/** One written entry as the back office lists it (the request's fingerprint and first answer stay at the hub). */
export type LedgerEntryRow = {
  readonly entryId: string;
  readonly kind: string;
  readonly at: string;
  readonly saleId: string | null;
  readonly tillId: string | null;
  /** core's entry; null for a row kept only for its answer (a return that took no points back). */
  readonly entry: unknown;
};

export const ENTRY_PAGE = { default: 100, max: 500 } as const;

type Columns = { entry_id: string; kind: string; at: string; sale_id: string | null; till_id: string | null; entry: unknown };

const rowOf = (r: Columns): LedgerEntryRow => ({
  entryId: r.entry_id,
  kind: r.kind,
  at: r.at,
  saleId: r.sale_id,
  tillId: r.till_id,
  entry: r.entry,
});

/** The newest `limit` rows (and whether there are older ones), newest first, ties by entry id. */
function page(rows: Columns[], limit: number): { entries: LedgerEntryRow[]; more: boolean } {
  return { entries: rows.slice(0, limit).map(rowOf), more: rows.length > limit };
}

/** A member's entries in a program, newest first, at most `limit`. */
export async function loyaltyEntryRows(
  db: Queryable,
  key: LoyaltyAccountKey,
  limit: number,
): Promise<{ entries: LedgerEntryRow[]; more: boolean }> {
  const rows = await db.query<Columns>(
    `SELECT entry_id, kind, at, sale_id, till_id, entry FROM loyalty_entries
      WHERE customer_id = $1 AND program_id = $2 ORDER BY at DESC, entry_id DESC LIMIT $3`,
    [key.customerId, key.programId, limit + 1],
  );
  return page(rows, limit);
}

/** A card's entries, newest first, at most `limit`. */
export async function cardEntryRows(db: Queryable, cardId: string, limit: number): Promise<{ entries: LedgerEntryRow[]; more: boolean }> {
  const rows = await db.query<Columns>(
    `SELECT entry_id, kind, at, sale_id, till_id, entry FROM stored_value_entries
      WHERE card_id = $1 ORDER BY at DESC, entry_id DESC LIMIT $2`,
    [cardId, limit + 1],
  );
  return page(rows, limit);
}
