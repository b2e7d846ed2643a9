import { canonicalText, type SyncCollection } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { notifyChange } from './change-notice';
import { advanceCounter, findDocuments, lockCounter, writeDocuments, type DocumentWrite } from './document-table';
import type { Scope } from './scope';
import { contentOf } from './stored-document';

export type HubDocument = { readonly id: string; readonly _deleted?: boolean; readonly [field: string]: unknown };

type PlannedHubWrite = Omit<DocumentWrite, 'seq'>;

export type HubWriteResult = { readonly written: number; readonly lastSeq: number | null };

/** Rows per statement: a large import or seed travels in several statements of one transaction. */
export const WRITE_CHUNK = 5000;

export function chunks<T>(items: readonly T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function assertScope(scope: Scope, collection: SyncCollection): void {
  if ((collection.scope === 'catalog') !== (scope.kind === 'catalog')) throw new Error(`${collection.name} does not live in that scope`);
}

/** Takes `writes.length` sequences after `base`, writes, moves the counter once and notifies (on commit). */
async function commitWrites(
  tx: Queryable,
  scope: Scope,
  collection: string,
  base: number,
  planned: readonly PlannedHubWrite[],
  mode: 'insert' | 'upsert',
): Promise<HubWriteResult> {
  if (planned.length === 0) return { written: 0, lastSeq: null };
  const writes = planned.map((w, i) => ({ ...w, seq: base + i + 1 }));
  for (const chunk of chunks(writes)) await writeDocuments(tx, scope, collection, chunk, mode);
  const lastSeq = await advanceCounter(tx, scope, writes.length);
  await notifyChange(tx, scope, collection, lastSeq);
  return { written: writes.length, lastSeq };
}

/**
 * What writing `docs` would change: documents new or different from what the scope holds (the
 * last version of an id in the batch wins). Derived documents that always differ (a level with
 * its time) skip the read with `alwaysChanged`.
 */
export async function planHubDocuments(
  tx: Queryable,
  scope: Scope,
  collection: SyncCollection,
  docs: readonly HubDocument[],
  options: { readonly alwaysChanged?: boolean } = {},
): Promise<PlannedHubWrite[]> {
  assertScope(scope, collection);
  const existing = new Map<string, { content: Record<string, unknown>; deleted: boolean }>();
  for (const chunk of options.alwaysChanged ? [] : chunks(docs)) {
    const found = await findDocuments(
      tx,
      scope,
      collection.name,
      chunk.map((d) => d.id),
    );
    for (const [id, stored] of found) existing.set(id, { content: stored.doc, deleted: stored.deleted });
  }
  const latest = new Map<string, { content: Record<string, unknown>; deleted: boolean }>();
  for (const doc of docs) {
    const content = contentOf(doc);
    const deleted = doc._deleted === true;
    const before = latest.get(doc.id) ?? existing.get(doc.id);
    if (before && before.deleted === deleted && canonicalText(before.content) === canonicalText(content)) continue;
    // The last version of an id wins, and takes its place at the end of the batch.
    latest.delete(doc.id);
    latest.set(doc.id, { content, deleted });
  }
  return [...latest].map(([id, w]) => ({ id, doc: w.content, deleted: w.deleted, tillId: null }));
}

/**
 * Documents written at the hub (catalog, store settings, stock levels), inside the caller's
 * transaction: replaced whole, with the same counter discipline as pushes (the counter row is
 * locked first, so commit order is sequence order). An unchanged document keeps its sequence, so
 * importing the same file twice sends tills nothing new. May be called more than once in a
 * transaction (the counter row is already ours then).
 */
export async function putHubDocumentsIn(
  tx: Queryable,
  scope: Scope,
  collection: SyncCollection,
  docs: readonly HubDocument[],
  options: { readonly alwaysChanged?: boolean } = {},
): Promise<HubWriteResult> {
  const base = await lockCounter(tx, scope);
  const planned = await planHubDocuments(tx, scope, collection, docs, options);
  return commitWrites(tx, scope, collection.name, base, planned, 'upsert');
}

export async function putHubDocuments(
  db: Database,
  scope: Scope,
  collection: SyncCollection,
  docs: readonly HubDocument[],
): Promise<HubWriteResult> {
  return db.transaction((tx) => putHubDocumentsIn(tx, scope, collection, docs));
}

/**
 * Writes the documents whose id the scope does not hold yet (a seed: what exists, even a
 * tombstone head office made, is left alone). One counter update for the batch; the caller
 * chooses the batch size and the transaction.
 */
export async function insertMissingDocuments(
  tx: Queryable,
  scope: Scope,
  collection: SyncCollection,
  docs: readonly HubDocument[],
): Promise<HubWriteResult> {
  assertScope(scope, collection);
  const base = await lockCounter(tx, scope);
  const table = scope.kind === 'store' ? 'store_docs' : 'catalog_docs';
  const params = scope.kind === 'store' ? [scope.storeId, collection.name] : [collection.name];
  const where = scope.kind === 'store' ? 'store_id = $1 AND collection = $2' : 'collection = $1';
  const present = new Set<string>();
  for (const chunk of chunks(docs)) {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE ${where} AND id IN (SELECT jsonb_array_elements_text($${params.length + 1}::jsonb))`,
      [...params, JSON.stringify(chunk.map((d) => d.id))],
    );
    for (const row of rows) present.add(row.id);
  }
  const planned: PlannedHubWrite[] = [];
  for (const doc of docs) {
    if (present.has(doc.id)) continue;
    present.add(doc.id);
    planned.push({ id: doc.id, doc: contentOf(doc), deleted: doc._deleted === true, tillId: null });
  }
  return commitWrites(tx, scope, collection.name, base, planned, 'insert');
}
