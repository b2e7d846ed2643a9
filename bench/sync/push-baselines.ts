/**
 * The push baselines without HTTP or clients, on the same documents and parallelism as the push
 * through clients (push-phase.ts): the bare SQL loop with the hub's transaction design (the
 * ceiling), and the hub's own push function called in-process (informative).
 */
import { findSyncCollection, type SyncCollection } from '@pos/core';
import pg from 'pg';
import { createStore } from '../../sync-server/src/admin/stores';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { chunks } from '../../sync-server/src/sync/hub-writes';
import { pushDocuments } from '../../sync-server/src/sync/push-documents';
import { docsPerTill, enroll, prefillHistory, tillLayout, unenrolledKeys, type PushResult, type PushShape } from './push-phase';
import { freshDatabase, onCleanup } from './rig';
import { benchSales, type TillIdentity } from './sale-docs';

/**
 * The bare design's insert: the hub's writeDocuments, mode insert (sync-server/src/sync/document-table.ts),
 * word for word. The hub's own push of sales is hub_push_append_only, whose usual path is a plain
 * insert of the same rows.
 */
const INSERT_SQL = `INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
  SELECT $1, $2, r.id, r.seq, r.doc, r.deleted, r.till_id FROM jsonb_to_recordset($3::jsonb) AS r(id text, seq int8, doc jsonb, deleted boolean, till_id text)
  ON CONFLICT (store_id, collection, id) DO NOTHING`;

async function createStores(url: string, layout: readonly TillIdentity[]): Promise<void> {
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    for (const storeId of new Set(layout.map((t) => t.storeId))) {
      await createStore(db, { storeId, name: `Store ${storeId}` });
      await db.query('INSERT INTO store_counters (store_id, seq) VALUES ($1, 0) ON CONFLICT DO NOTHING', [storeId]);
    }
  } finally {
    await db.close();
  }
}

/**
 * pg_ceiling_docs_per_s: the same documents, the same parallelism (one connection per till), the
 * hub's transaction design and nothing else: per batch, take the sequence numbers from the store's
 * counter row (its lock orders the store's writers), insert the batch in one statement,
 * idempotently, commit. No HTTP, no RxDB, no stock ledger, no NOTIFY.
 */
export async function pgCeiling(shape: PushShape): Promise<PushResult> {
  const url = await freshDatabase('ceiling');
  const layout = tillLayout(shape.tills, shape.stores);
  await createStores(url, layout);
  await prefillHistory(url);
  const perTill = docsPerTill(shape);
  const keys = unenrolledKeys(layout);
  const work = layout.map((till) => ({
    till,
    batches: chunks(benchSales(shape.run, till, perTill, keys.get(`${till.storeId}/${till.tillId}`)!.key), shape.batchSize),
  }));
  const closers: (() => Promise<void>)[] = [];
  const clients = await Promise.all(
    layout.map(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      closers.push(onCleanup('a PostgreSQL connection', () => client.end()));
      return client;
    }),
  );
  let pushes = 0;
  const started = Date.now();
  await Promise.all(
    work.map(async ({ till, batches: tillBatches }, i) => {
      const client = clients[i]!;
      for (const batch of tillBatches) {
        await client.query('BEGIN');
        const { rows } = await client.query<{ seq: string }>('UPDATE store_counters SET seq = seq + $2 WHERE store_id = $1 RETURNING seq', [
          till.storeId,
          batch.length,
        ]);
        const base = Number(rows[0]!.seq) - batch.length;
        const json = JSON.stringify(
          batch.map(({ id, ...doc }, k) => ({ id, seq: base + k + 1, doc: { ...doc }, deleted: false, till_id: till.tillId })),
        );
        await client.query(INSERT_SQL, [till.storeId, 'sales', json]);
        await client.query('COMMIT');
        pushes += 1;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const [row] = (
    await clients[0]!.query<{ n: string }>("SELECT count(*) AS n FROM store_docs WHERE collection = 'sales' AND store_id LIKE 'B%'")
  ).rows;
  const count = Number(row?.n ?? 0);
  for (const close of closers) await close();
  const notes = count === perTill * layout.length ? [] : [`the database holds ${count} of ${perTill * layout.length} documents`];
  return {
    docs: count,
    seconds,
    docsPerS: count / seconds,
    firstPushMs: 0,
    fromStartSeconds: seconds,
    stats: { pushes, conflicts: 0, errors: 0, failedAttempts: 0, written: count },
    notes,
  };
}

const SALES = findSyncCollection('sales') as SyncCollection;

/**
 * Informative: the hub's own push function (checks, append-only policy, counter, insert, NOTIFY,
 * stock ledger and levels) called in this process on the same documents with the same
 * parallelism: what the hub costs without HTTP, Fastify, JSON parsing or RxDB.
 */
export async function hubWithoutHttp(shape: PushShape): Promise<PushResult> {
  const url = await freshDatabase('nohttp');
  const db = await openDatabase({ kind: 'postgres', url });
  await prefillHistory(url);
  const closeDb = onCleanup('hub database handle', () => db.close());
  try {
    const layout = tillLayout(shape.tills, shape.stores);
    const enrolled = await enroll(db, layout);
    const perTill = docsPerTill(shape);
    const work = layout.map((till) => ({
      till,
      batches: chunks(benchSales(shape.run, till, perTill, enrolled.get(`${till.storeId}/${till.tillId}`)!.key), shape.batchSize),
    }));
    let pushes = 0;
    let conflicts = 0;
    let errors = 0;
    const started = Date.now();
    await Promise.all(
      work.map(async ({ till, batches: tillBatches }) => {
        for (const batch of tillBatches) {
          const response = await pushDocuments(
            db,
            till,
            SALES,
            batch.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })),
          );
          pushes += 1;
          conflicts += response.conflicts.length;
          errors += response.errors.length;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM store_docs WHERE collection = 'sales' AND store_id LIKE 'B%'",
    );
    const count = row?.n ?? 0;
    return {
      docs: count,
      seconds,
      docsPerS: count / seconds,
      firstPushMs: 0,
      fromStartSeconds: seconds,
      stats: { pushes, conflicts, errors, failedAttempts: 0, written: count },
      notes: [],
    };
  } finally {
    await closeDb();
  }
}
