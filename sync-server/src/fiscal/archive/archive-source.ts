import type { ArchiveLine } from '@pos/core/fiscal/archive/archive-builder';
import type { ArchiveTillKeys } from '@pos/core/fiscal/archive/archive-format';
import type { Queryable } from '../../db/database';

/** Records read from the database at a time: a till's year is read in pages, never at once. */
const PAGE = 2000;

export type Period = { readonly from: string; readonly to: string };

/** A chain of a till as the verifier placed it: its journal (epoch, one more after each lost journal). */
export type ArchivedChain = { readonly tillId: string; readonly chain: string; readonly epoch: number };

const bounds = (period: Period) => [`${period.from}T00:00:00.000Z`, `${period.to}T23:59:59.999Z`] as const;

/** Every chain and journal of the store's tills the chain verifier placed records on. */
export async function storeChains(db: Queryable, storeId: string): Promise<ArchivedChain[]> {
  const rows = await db.query<{ till_id: string; chain: string; epoch: number }>(
    'SELECT till_id, chain, epoch FROM chain_heads WHERE store_id = $1 ORDER BY till_id, chain',
    [storeId],
  );
  return rows.flatMap((r) => Array.from({ length: r.epoch }, (_, i) => ({ tillId: r.till_id, chain: r.chain, epoch: i + 1 })));
}

/**
 * One chain's records sealed in the period, in sequence order, page by page: the sealed record as
 * the till pushed it (the stored document's `record`), each placed by the chain verifier
 * (chain_records: verified or found broken; records still waiting for an earlier one are not).
 */
export async function* chainLines(db: Queryable, storeId: string, chain: ArchivedChain, period: Period): AsyncIterable<ArchiveLine[]> {
  const [from, to] = bounds(period);
  let after = 0;
  for (;;) {
    const rows = await db.query<{ seq: number; hash: string; prev_hash: string; json: string }>(
      `SELECT r.seq, r.hash, r.prev_hash, (d.doc -> 'record')::text AS json
         FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
        WHERE r.store_id = $1 AND r.till_id = $2 AND r.chain = $3 AND r.epoch = $4 AND r.seq > $5
          AND d.doc -> 'record' ->> 'sealedAt' BETWEEN $6 AND $7
        ORDER BY r.seq LIMIT $8`,
      [storeId, chain.tillId, chain.chain, chain.epoch, after, from, to, PAGE],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, prevHash: r.prev_hash, json: r.json }));
    after = Number(rows.at(-1)!.seq);
    if (rows.length < PAGE) return;
  }
}

/** How many records the period holds, per chain (the progress line's total). */
export async function countRecords(db: Queryable, storeId: string, period: Period): Promise<number> {
  const [from, to] = bounds(period);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::float8 AS n FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
      WHERE r.store_id = $1 AND d.doc -> 'record' ->> 'sealedAt' BETWEEN $2 AND $3`,
    [storeId, from, to],
  );
  return Number(row?.n ?? 0);
}

/**
 * Each till's keys as the hub registered them, and every key rotation it sealed up to the end of
 * the period, whole: a verifier starts from the enrollment keys and admits the others by these.
 */
export async function tillKeys(db: Queryable, storeId: string, tillIds: readonly string[], period: Period): Promise<ArchiveTillKeys[]> {
  const keys = await db.query<{ till_id: string; key_id: string; public_key: string; source: string; registered_at: Date | string }>(
    'SELECT till_id, key_id, public_key, source, registered_at FROM till_keys WHERE store_id = $1 ORDER BY till_id, registered_at, key_id',
    [storeId],
  );
  const rotations = await db.query<{ till_id: string; record: unknown }>(
    `SELECT r.till_id, d.doc -> 'record' AS record
       FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
      WHERE r.store_id = $1 AND r.chain = 'event' AND d.doc -> 'record' -> 'payload' ->> 'type' = 'key.rotate'
        AND d.doc -> 'record' ->> 'sealedAt' <= $2
      ORDER BY r.till_id, r.epoch, r.seq`,
    [storeId, bounds(period)[1]],
  );
  return tillIds.map((tillId) => ({
    tillId,
    keys: keys
      .filter((k) => k.till_id === tillId)
      .map((k) => ({
        keyId: k.key_id,
        publicKey: k.public_key,
        source: k.source,
        registeredAt: new Date(k.registered_at).toISOString(),
      })),
    rotations: rotations.filter((r) => r.till_id === tillId).map((r) => r.record),
  }));
}
