import type { Database } from '../db/database';

/**
 * Writes a sales document straight into store_docs and the store's verified feed, as neither a
 * push nor the chain verifier would let it in: for the stock projector's own defences against
 * what a feed might carry. The verifier's checkpoint moves past it (it is never read), and its
 * chain record is in journal 0, which no till's chain uses.
 */
export async function feedSaleDirectly(
  db: Database,
  storeId: string,
  tillId: string,
  doc: { readonly id: string } & Record<string, unknown>,
): Promise<{ seq: number; feedSeq: number }> {
  const { id, _deleted, ...content } = doc as { id: string; _deleted?: boolean };
  return db.transaction(async (tx) => {
    const [stored] = await tx.query<{ seq: number }>(
      `WITH c AS (
         INSERT INTO store_counters AS c (store_id, seq) VALUES ($1, 1) ON CONFLICT (store_id) DO UPDATE SET seq = c.seq + 1 RETURNING c.seq
       )
       INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
       SELECT $1, 'sales', $2, c.seq, $3::jsonb, false, $4 FROM c RETURNING seq`,
      [storeId, id, JSON.stringify(content), tillId],
    );
    const [feed] = await tx.query<{ feed_seq: number }>(
      `INSERT INTO chain_verification AS v (store_id, seq, feed_seq) VALUES ($1, $2, 1)
       ON CONFLICT (store_id) DO UPDATE SET seq = greatest(v.seq, excluded.seq), feed_seq = v.feed_seq + 1 RETURNING v.feed_seq`,
      [storeId, stored!.seq],
    );
    await tx.query(
      `INSERT INTO chain_records (store_id, till_id, chain, epoch, seq, collection, doc_id, hash, prev_hash, status, feed_seq)
       VALUES ($1, $2, 'sale', 0, $3, 'sales', $4, '', '', 'verified', $3)`,
      [storeId, tillId, feed!.feed_seq, id],
    );
    return { seq: stored!.seq, feedSeq: feed!.feed_seq };
  });
}
