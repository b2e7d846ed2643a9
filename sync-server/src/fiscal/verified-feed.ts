import type { Queryable } from '../db/database';

/**
 * The name the chain verifier's notices carry on the sync channel when a store's verified feed
 * grew (no synced collection has it): downstream projections wake on it.
 */
export const VERIFIED_FEED = 'verified_records';

/**
 * The last number of a store's verified feed that is committed: every feed row up to it is
 * committed too (the verifier writes both in one transaction), so a projection reading up to
 * it reads a prefix of the feed.
 */
export async function verifiedFeedEnd(db: Queryable, storeId: string): Promise<number> {
  const [row] = await db.query<{ feed_seq: number }>('SELECT feed_seq FROM chain_verification WHERE store_id = $1', [storeId]);
  return row?.feed_seq ?? 0;
}
