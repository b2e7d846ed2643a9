import type { Queryable } from '../db/database';

/** A merge re-points earlier tombstones to the customer kept, so one hop; a few more are tolerated. */
const MAX_HOPS = 4;

/**
 * The customer an id stands for now: itself, or the customer a merge kept. A till may seal a sale
 * with a merged customer's id (found in its cache before the merge, or created offline), and
 * whatever it carries (points earned, a return) belongs to the customer kept. An id the hub does
 * not hold (a customer created offline, not sent yet) stands for itself; a merge later moves what
 * it got.
 *
 * Inside a transaction the row is read FOR SHARE: a ledger write waits for a merge of the same
 * customer to commit and then sees where it points, so nothing is written to a customer just
 * merged away (mergeCustomer locks the rows FOR UPDATE before moving the ledgers).
 */
export async function resolveCustomerId(db: Queryable, id: string): Promise<string> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const [row] = await db.query<{ merged_into: string | null }>('SELECT merged_into FROM chain_customers WHERE id = $1 FOR SHARE', [
      current,
    ]);
    if (!row || row.merged_into === null) return current;
    current = row.merged_into;
  }
  return current;
}
