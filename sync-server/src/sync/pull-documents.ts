import type { PullResponse } from '@pos/core';
import type { Queryable } from '../db/database';
import { countAfter, documentsAfter } from './document-table';
import type { Scope } from './scope';
import { toSyncDocument } from './stored-document';

/**
 * One page of a checkpointed pull. Sequences are taken in commit order (see document-table's
 * lockCounter), so every row with a sequence at or below the returned checkpoint is already
 * visible: a till that pulls from there never misses one. The page is full while rows remain.
 */
export async function pullDocuments(
  db: Queryable,
  scope: Scope,
  collection: string,
  checkpoint: number,
  limit: number,
): Promise<PullResponse> {
  const rows = await documentsAfter(db, scope, collection, checkpoint, limit);
  const last = rows.at(-1);
  // A short page means nothing was left; only a full page needs counting what remains.
  const remaining = last && rows.length === limit ? await countAfter(db, scope, collection, last.seq) : 0;
  return {
    documents: rows.map(toSyncDocument),
    checkpoint: last ? { seq: last.seq } : checkpoint > 0 ? { seq: checkpoint } : null,
    remaining,
  };
}
