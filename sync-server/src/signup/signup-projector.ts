import type { Database } from '../db/database';
import { FeedProjector, stepFeedProjection, type FeedProjection, type FeedStep } from '../fiscal/feed-projector';
import { recordIncidents } from '../sync/incidents';
import type { ProjectorLoopOptions } from '../sync/projector-loop';
import { storedSale } from './claimed-sale';
import { decideClaims } from './signup-claim';

/** Verified sales with a claim waiting read per step: few sales are claimed, so a step is usually one short read. */
export const SIGNUP_BATCH = 500;

type ClaimedSaleRow = { readonly feed_seq: number; readonly id: string; readonly till_id: string | null };

/**
 * Follows each store's verified feed for the sales someone claimed from the receipt (signup_claims):
 * only those are read (a join on the claims), each decided with decideClaims. A claim written after
 * the projector passed its sale is decided by the sign-up itself (submitSignup looks again after
 * its commit). A sale that fails alone is reported (`unprojectable_sale`) and passed over.
 */
const SIGNUP_PROJECTION: FeedProjection<ClaimedSaleRow, void> = {
  checkpoint: 'signup_projection',
  read: (tx, storeId, from, end, limit) =>
    tx.query<ClaimedSaleRow>(
      `SELECT r.feed_seq, r.doc_id AS id, r.till_id FROM chain_records r
        WHERE r.store_id = $1 AND r.feed_seq > $2 AND r.feed_seq <= $3 AND r.collection = 'sales'
          AND EXISTS (SELECT 1 FROM signup_claims c WHERE c.store_id = r.store_id AND c.sale_id = r.doc_id AND c.status <> 'refused')
        ORDER BY r.feed_seq LIMIT $4`,
      [storeId, from, end, limit],
    ),
  prepare: async () => undefined,
  apply: async (tx, storeId, rows) => {
    for (const row of rows) {
      const sale = await storedSale(tx, storeId, row.id);
      if (sale) await decideClaims(tx, storeId, sale);
    }
    return rows.length;
  },
  skip: (tx, storeId, row, error) =>
    recordIncidents(tx, storeId, row.till_id ?? '', 'sales', [
      {
        kind: 'unprojectable_sale',
        docId: row.id,
        details: { message: `Sign-up claims not decided: ${String((error as Error).message)}` },
      },
    ]),
};

/** One step of one store (tests, and the projector's loop). */
export function projectStoreSignups(db: Database, storeId: string, limit = SIGNUP_BATCH): Promise<FeedStep> {
  return stepFeedProjection(db, storeId, SIGNUP_PROJECTION, limit);
}

/** Keeps every store's sign-up claims decided as their sales are verified, on this hub instance. */
export class SignupProjector extends FeedProjector<ClaimedSaleRow, void> {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    super(db, { ...options, settleMs: options.settleMs ?? 500, maxLagMs: options.maxLagMs ?? 5000 }, SIGNUP_PROJECTION, SIGNUP_BATCH);
  }
}
