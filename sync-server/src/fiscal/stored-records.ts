import type { Queryable } from '../db/database';

/** The collections that hold sealed records: sales (chain `sale`), till records (chains `event`, `duplicate` and `closing`). */
export const RECORD_COLLECTIONS = ['sales', 'till_records'] as const;

export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** A stored sale or till record as the verifier reads it: where it is stored, the document's copies, and the sealed record. */
export type StoredRecord = {
  readonly collection: RecordCollection;
  readonly docId: string;
  /** Its store sequence. */
  readonly docSeq: number;
  /** The till whose device pushed it. */
  readonly tillId: string;
  /** The document's copies of sealed fields (its id is `docId`), anything as stored. */
  readonly copies: { readonly storeId: unknown; readonly tillId: unknown; readonly seq: unknown; readonly chain: unknown };
  readonly record: unknown;
};

type Row = {
  collection: RecordCollection;
  id: string;
  seq: number;
  till_id: string;
  store_copy: unknown;
  till_copy: unknown;
  seq_copy: unknown;
  chain_copy: unknown;
  record: unknown;
};

const COLUMNS = `collection, id, seq, coalesce(till_id, '') AS till_id, doc -> 'storeId' AS store_copy, doc -> 'tillId' AS till_copy,
  doc -> 'seq' AS seq_copy, doc -> 'chain' AS chain_copy, doc -> 'record' AS record`;

function toStored(row: Row): StoredRecord {
  return {
    collection: row.collection,
    docId: row.id,
    docSeq: row.seq,
    tillId: row.till_id,
    copies: { storeId: row.store_copy, tillId: row.till_copy, seq: row.seq_copy, chain: row.chain_copy },
    record: row.record,
  };
}

/**
 * The store's sales and till records after `after` (its store sequence), in sequence order, at
 * most `limit`: one ordered index range per collection, merged, so the read stays bounded
 * however long the backlog.
 */
export async function recordsAfter(tx: Queryable, storeId: string, after: number, limit: number): Promise<StoredRecord[]> {
  const rows = await tx.query<Row>(
    `(SELECT ${COLUMNS} FROM store_docs WHERE store_id = $1 AND collection = 'sales' AND seq > $2 ORDER BY seq LIMIT $3)
     UNION ALL
     (SELECT ${COLUMNS} FROM store_docs WHERE store_id = $1 AND collection = 'till_records' AND seq > $2 ORDER BY seq LIMIT $3)
     ORDER BY seq LIMIT $3`,
    [storeId, after, limit],
  );
  return rows.map(toStored);
}

/** Stored records by collection and id (those waiting in chain_pending). */
export async function recordsById(
  tx: Queryable,
  storeId: string,
  refs: readonly { readonly collection: string; readonly docId: string }[],
): Promise<StoredRecord[]> {
  if (refs.length === 0) return [];
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM store_docs d
      WHERE d.store_id = $1 AND (d.collection, d.id) IN (SELECT r.collection, r.id FROM jsonb_to_recordset($2::jsonb) AS r(collection text, id text))`,
    [storeId, JSON.stringify(refs.map((r) => ({ collection: r.collection, id: r.docId })))],
  );
  return rows.map(toStored);
}
