import type { MissingRecords } from '@pos/core/sync/head-office-closings';
import type { Queryable } from '../db/database';

export type { MissingRecords };

/** What the hub holds of a till's sale chain (one journal): the holes in it, and its highest record. */
export type SaleChainState = {
  /** Sequences not held: before records waiting beyond a gap, and gaps given up on not filled since. */
  readonly holes: readonly { readonly from: number; readonly to: number; readonly sealedBefore: string | null }[];
  /** The highest sequence held (placed or waiting), 0 when none, and when it was sealed. */
  readonly highest: number;
  readonly highestSealedAt: string | null;
};

async function sealedAtOf(tx: Queryable, storeId: string, tillId: string, epoch: number, seq: number): Promise<string | null> {
  if (seq < 1) return null;
  const [row] = await tx.query<{ sealed_at: string | null }>(
    `SELECT d.doc -> 'record' ->> 'sealedAt' AS sealed_at
       FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
      WHERE r.store_id = $1 AND r.till_id = $2 AND r.chain = 'sale' AND r.epoch = $3 AND r.seq = $4`,
    [storeId, tillId, epoch, seq],
  );
  return row?.sealed_at ?? null;
}

/**
 * Where the till's sale chain stands at the hub, from the verifier's own state (no walk of the
 * chain): records waiting beyond a gap (chain_pending) leave a hole after the verified head, and a
 * gap given up on after the grace period (a `gap` break) stays a hole until its records arrive.
 * Each hole carries when the record before it was sealed (null at the chain's start): a sale
 * missing there was sealed after that.
 */
export async function saleChainState(tx: Queryable, storeId: string, tillId: string, epoch: number): Promise<SaleChainState> {
  const [placed] = await tx.query<{ seq: number | null }>(
    `SELECT max(seq) AS seq FROM chain_records WHERE store_id = $1 AND till_id = $2 AND chain = 'sale' AND epoch = $3`,
    [storeId, tillId, epoch],
  );
  const head = Number(placed?.seq ?? 0);
  const [waiting] = await tx.query<{ lowest: number | null; highest: number | null; sealed_at: string | null }>(
    `SELECT min(p.seq) AS lowest, max(p.seq) AS highest,
            (SELECT d.doc -> 'record' ->> 'sealedAt' FROM chain_pending q JOIN store_docs d ON d.store_id = q.store_id AND d.collection = q.collection AND d.id = q.doc_id
              WHERE q.store_id = $1 AND q.till_id = $2 AND q.chain = 'sale' ORDER BY q.seq DESC LIMIT 1) AS sealed_at
       FROM chain_pending p WHERE p.store_id = $1 AND p.till_id = $2 AND p.chain = 'sale'`,
    [storeId, tillId],
  );
  const gaps = await tx.query<{ seq: number; last: number; found: number }>(
    `SELECT b.seq, (b.details ->> 'to')::int8 AS last,
            (SELECT count(*) FROM chain_records r WHERE r.store_id = b.store_id AND r.till_id = b.till_id AND r.chain = 'sale'
                AND r.epoch = b.epoch AND r.seq BETWEEN b.seq AND (b.details ->> 'to')::int8)::int8 AS found
       FROM chain_breaks b WHERE b.store_id = $1 AND b.till_id = $2 AND b.chain = 'sale' AND b.epoch = $3 AND b.code = 'gap'`,
    [storeId, tillId, epoch],
  );
  const ranges: { from: number; to: number }[] = gaps
    .filter((g) => Number(g.found) < Number(g.last) - Number(g.seq) + 1)
    .map((g) => ({ from: Number(g.seq), to: Number(g.last) }));
  const lowest = waiting?.lowest === null || waiting?.lowest === undefined ? null : Number(waiting.lowest);
  if (lowest !== null && lowest > head + 1) ranges.push({ from: head + 1, to: lowest - 1 });
  const holes = [];
  for (const r of ranges.sort((a, b) => a.from - b.from)) {
    holes.push({ ...r, sealedBefore: await sealedAtOf(tx, storeId, tillId, epoch, r.from - 1) });
  }
  const waitingHighest = waiting?.highest === null || waiting?.highest === undefined ? 0 : Number(waiting.highest);
  const highest = Math.max(head, waitingHighest);
  const highestSealedAt = waitingHighest > head ? (waiting?.sealed_at ?? null) : await sealedAtOf(tx, storeId, tillId, epoch, head);
  return { holes, highest, highestSealedAt };
}
