import { canonicalText, type SyncCollection } from '@pos/core';
import type { Database } from '../db/database';
import { notifyChange } from './change-notice';
import { advanceCounter, findDocuments, lockCounter, writeDocuments } from './document-table';
import type { Scope } from './scope';
import { contentOf } from './stored-document';

export type HubDocument = { readonly id: string; readonly _deleted?: boolean; readonly [field: string]: unknown };

/**
 * Documents written at the hub (catalog, store settings, derived stock levels): replaced whole,
 * with the same counter discipline as pushes. An unchanged document keeps its sequence, so
 * importing the same file twice sends tills nothing new.
 */
export async function putHubDocuments(db: Database, scope: Scope, collection: SyncCollection, docs: readonly HubDocument[]): Promise<{ written: number; lastSeq: number | null }> {
  if ((collection.scope === 'catalog') !== (scope.kind === 'catalog')) throw new Error(`${collection.name} does not live in that scope`);
  return db.transaction(async (tx) => {
    const base = await lockCounter(tx, scope);
    const existing = await findDocuments(
      tx,
      scope,
      collection.name,
      docs.map((d) => d.id),
    );
    const latest = new Map<string, { content: Record<string, unknown>; deleted: boolean }>();
    for (const doc of docs) {
      const content = contentOf(doc);
      const deleted = doc._deleted === true;
      const before = latest.get(doc.id) ?? existing.get(doc.id);
      const beforeContent = before && ('content' in before ? before.content : before.doc);
      if (before && before.deleted === deleted && canonicalText(beforeContent) === canonicalText(content)) continue;
      latest.delete(doc.id);
      latest.set(doc.id, { content, deleted });
    }
    const writes = [...latest].map(([id, w], i) => ({ id, seq: base + i + 1, doc: w.content, deleted: w.deleted, tillId: null }));
    const lastSeq = writes.at(-1)?.seq ?? null;
    if (lastSeq !== null) {
      await writeDocuments(tx, scope, collection.name, writes, 'upsert');
      await advanceCounter(tx, scope, writes.length);
      await notifyChange(tx, scope, collection.name, lastSeq);
    }
    return { written: writes.length, lastSeq };
  });
}
