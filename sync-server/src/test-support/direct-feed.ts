import type { Database } from '../db/database';

type Place = { readonly collection: string; readonly chain: string; readonly epoch: number; readonly seq: number | null };

/** Stores `doc` and places it on the store's verified feed; `seq` null: the feed's number. */
async function feedDirectly(
  db: Database,
  storeId: string,
  tillId: string,
  doc: { readonly id: string } & Record<string, unknown>,
  place: Place,
): Promise<{ seq: number; feedSeq: number }> {
  const { id, _deleted, ...content } = doc as { id: string; _deleted?: boolean };
  return db.transaction(async (tx) => {
    const [stored] = await tx.query<{ seq: number }>(
      `WITH c AS (
         INSERT INTO store_counters AS c (store_id, seq) VALUES ($1, 1) ON CONFLICT (store_id) DO UPDATE SET seq = c.seq + 1 RETURNING c.seq
       )
       INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
       SELECT $1, $5, $2, c.seq, $3::jsonb, false, $4 FROM c RETURNING seq`,
      [storeId, id, JSON.stringify(content), tillId, place.collection],
    );
    const [feed] = await tx.query<{ feed_seq: number }>(
      `INSERT INTO chain_verification AS v (store_id, seq, feed_seq) VALUES ($1, $2, 1)
       ON CONFLICT (store_id) DO UPDATE SET seq = greatest(v.seq, excluded.seq), feed_seq = v.feed_seq + 1 RETURNING v.feed_seq`,
      [storeId, stored!.seq],
    );
    await tx.query(
      `INSERT INTO chain_records (store_id, till_id, chain, epoch, seq, collection, doc_id, hash, prev_hash, status, feed_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '', '', 'verified', $8)`,
      [storeId, tillId, place.chain, place.epoch, place.seq ?? feed!.feed_seq, place.collection, id, feed!.feed_seq],
    );
    return { seq: stored!.seq, feedSeq: feed!.feed_seq };
  });
}

/**
 * Writes a sales document straight into store_docs and the store's verified feed, as neither a
 * push nor the chain verifier would let it in: for the stock projector's own defences against
 * what a feed might carry. The verifier's checkpoint moves past it (it is never read), and its
 * chain record is in journal 0, which no till's chain uses.
 */
export function feedSaleDirectly(
  db: Database,
  storeId: string,
  tillId: string,
  doc: { readonly id: string } & Record<string, unknown>,
): Promise<{ seq: number; feedSeq: number }> {
  return feedDirectly(db, storeId, tillId, doc, { collection: 'sales', chain: 'sale', epoch: 0, seq: null });
}

/**
 * Writes a till record (any chain but sales) straight into store_docs and the store's verified
 * feed, as the verifier would never let it in (a record off its shape): for the closing
 * projector's defences. Journal 1, at the sequence the document claims.
 */
export function feedTillRecordDirectly(
  db: Database,
  storeId: string,
  tillId: string,
  doc: { readonly id: string; readonly chain: string; readonly seq: number } & Record<string, unknown>,
): Promise<{ seq: number; feedSeq: number }> {
  return feedDirectly(db, storeId, tillId, doc, { collection: 'till_records', chain: doc.chain, epoch: 1, seq: doc.seq });
}
