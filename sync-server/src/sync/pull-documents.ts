import type { PullResponse } from '@pos/core';
import type { Queryable } from '../db/database';
import { countAfter, documentsAfter } from './document-table';
import type { Scope } from './scope';
import { toSyncDocument } from './stored-document';

/**
 * One page of a checkpointed pull. Sequences are taken in commit order (see document-table's
 * lockCounter), so every row with a sequence at or below the returned checkpoint is already
 * visible: a till that pulls from there never misses one. A page holds `limit` documents, or fewer
 * when they weigh more than `maxStoredBytes`; `remaining` says what is left either way.
 */
/** Most a pull page holds, as stored (compressed): a page of large documents stops early, the till pulls the rest. */
export const MAX_PULL_PAGE_STORED_BYTES = 4 * 1024 * 1024;

export async function pullDocuments(
  db: Queryable,
  scope: Scope,
  collection: string,
  checkpoint: number,
  limit: number,
  maxStoredBytes = MAX_PULL_PAGE_STORED_BYTES,
): Promise<PullResponse> {
  const rows = await documentsAfter(db, scope, collection, checkpoint, limit, maxStoredBytes);
  const last = rows.at(-1);
  // A page short of the limit may have been cut by size: count what is left whenever the page holds anything.
  const remaining = last ? await countAfter(db, scope, collection, last.seq) : 0;
  return {
    documents: rows.map(toSyncDocument),
    checkpoint: last ? { seq: last.seq } : checkpoint > 0 ? { seq: checkpoint } : null,
    remaining,
  };
}
