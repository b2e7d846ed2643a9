import type { Queryable } from '../db/database';
import type { Scope } from './scope';
import type { StoredDocument } from './stored-document';

/**
 * The SQL for one scope's documents: `store_docs` filtered by store, or `catalog_docs`. Every
 * statement names the store first, so under Citus it is routed to that store's shard.
 */

export type DocumentWrite = {
  readonly id: string;
  readonly seq: number;
  readonly doc: Record<string, unknown>;
  /** `doc` as JSON when the caller already has it (a push's checked text): not serialised again. */
  readonly docJson?: string;
  readonly deleted: boolean;
  readonly tillId: string | null;
};

/** The batch parameter of writeDocuments: one JSON array, built from each row's text. */
export function batchJson(rows: readonly DocumentWrite[]): string {
  const parts = rows.map(
    (r) =>
      `{"id":${JSON.stringify(r.id)},"seq":${r.seq},"doc":${r.docJson ?? JSON.stringify(r.doc)},"deleted":${r.deleted},"till_id":${JSON.stringify(r.tillId)}}`,
  );
  return `[${parts.join(',')}]`;
}

type Target = { readonly table: string; readonly where: string; readonly params: readonly unknown[] };

function target(scope: Scope, collection: string): Target {
  return scope.kind === 'store'
    ? { table: 'store_docs', where: 'store_id = $1 AND collection = $2', params: [scope.storeId, collection] }
    : { table: 'catalog_docs', where: 'collection = $1', params: [collection] };
}

function next(t: Target): string {
  return `$${t.params.length + 1}`;
}

/**
 * Locks the scope's counter row (creating it at 0 if missing) and returns its value. Held until
 * commit, the lock makes the scope's writers take their sequence numbers one after the other.
 */
export async function lockCounter(tx: Queryable, scope: Scope): Promise<number> {
  const [row] =
    scope.kind === 'store'
      ? await tx.query<{ seq: number }>(
          'INSERT INTO store_counters AS c (store_id, seq) VALUES ($1, 0) ON CONFLICT (store_id) DO UPDATE SET seq = c.seq RETURNING c.seq',
          [scope.storeId],
        )
      : await tx.query<{ seq: number }>(
          'INSERT INTO catalog_counter AS c (id, seq) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET seq = c.seq RETURNING c.seq',
        );
  if (!row) throw new Error('The sequence counter could not be locked');
  return row.seq;
}

export async function advanceCounter(tx: Queryable, scope: Scope, by: number): Promise<number> {
  const [row] =
    scope.kind === 'store'
      ? await tx.query<{ seq: number }>('UPDATE store_counters SET seq = seq + $2 WHERE store_id = $1 RETURNING seq', [scope.storeId, by])
      : await tx.query<{ seq: number }>('UPDATE catalog_counter SET seq = seq + $1 WHERE id = 1 RETURNING seq', [by]);
  if (!row) throw new Error('The sequence counter is missing');
  return row.seq;
}

export async function findDocuments(
  tx: Queryable,
  scope: Scope,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  const found = new Map<string, StoredDocument>();
  if (ids.length === 0) return found;
  const t = target(scope, collection);
  const rows = await tx.query<StoredDocument>(
    `SELECT id, seq, doc, deleted FROM ${t.table} WHERE ${t.where} AND id = ANY(ARRAY(SELECT jsonb_array_elements_text(${next(t)}::jsonb)))`,
    [...t.params, JSON.stringify(ids)],
  );
  for (const row of rows) found.set(row.id, row);
  return found;
}

/**
 * Writes rows in one statement (the batch travels as one JSON parameter, the same on both
 * drivers). `insert`: an id already present is left alone; `upsert`: it is replaced.
 */
export async function writeDocuments(
  tx: Queryable,
  scope: Scope,
  collection: string,
  rows: readonly DocumentWrite[],
  mode: 'insert' | 'upsert',
): Promise<void> {
  if (rows.length === 0) return;
  const t = target(scope, collection);
  const batch = batchJson(rows);
  const store = scope.kind === 'store';
  const columns = store ? 'store_id, collection, id, seq, doc, deleted, till_id' : 'collection, id, seq, doc, deleted';
  const values = store ? '$1, $2, r.id, r.seq, r.doc, r.deleted, r.till_id' : '$1, r.id, r.seq, r.doc, r.deleted';
  const key = store ? 'store_id, collection, id' : 'collection, id';
  const onConflict =
    mode === 'insert'
      ? 'DO NOTHING'
      : `DO UPDATE SET seq = excluded.seq, doc = excluded.doc, deleted = excluded.deleted, updated_at = now()${store ? ', till_id = excluded.till_id' : ''}`;
  await tx.query(
    `INSERT INTO ${t.table} (${columns})
     SELECT ${values} FROM jsonb_to_recordset(${next(t)}::jsonb) AS r(id text, seq int8, doc jsonb, deleted boolean, till_id text)
     ON CONFLICT (${key}) ${onConflict}`,
    [...t.params, batch],
  );
}

/** Rows after `after`, in sequence order. */
export async function documentsAfter(
  db: Queryable,
  scope: Scope,
  collection: string,
  after: number,
  limit: number,
  maxStoredBytes = Number.MAX_SAFE_INTEGER,
): Promise<StoredDocument[]> {
  const t = target(scope, collection);
  const n = t.params.length;
  // The page stops once the documents before it weigh maxStoredBytes as stored (pg_column_size: no
  // decompression to measure), so a page of large documents cannot fill the hub's memory; the first always goes.
  return db.query<StoredDocument>(
    `SELECT id, seq, doc, deleted FROM (
       SELECT id, seq, doc, deleted, sum(pg_column_size(doc)) OVER (ORDER BY seq) - pg_column_size(doc) AS before
         FROM ${t.table} WHERE ${t.where} AND seq > $${n + 1} ORDER BY seq LIMIT $${n + 2}) page
      WHERE before < $${n + 3} ORDER BY seq`,
    [...t.params, after, limit, maxStoredBytes],
  );
}

export async function countAfter(db: Queryable, scope: Scope, collection: string, after: number): Promise<number> {
  const t = target(scope, collection);
  const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.table} WHERE ${t.where} AND seq > ${next(t)}`, [
    ...t.params,
    after,
  ]);
  return row?.n ?? 0;
}

/** The newest sequence of the collection in the scope (0 when empty): where a new stream starts. */
export async function latestSeq(db: Queryable, scope: Scope, collection: string): Promise<number> {
  const t = target(scope, collection);
  const [row] = await db.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM ${t.table} WHERE ${t.where}`, [...t.params]);
  return row?.seq ?? 0;
}
