import type { SyncDocument } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import type { AcceptedRow } from './document-checks';
import { digestDocument } from './document-digest';
import type { PlannedIncident, StoredPush } from './policy-outcome';
import { QUARANTINE_EXCERPT_CHARS } from './quarantine';
import { toSyncDocument } from './stored-document';

type Contradiction = { readonly n: number; readonly id: string; readonly doc: Record<string, unknown>; readonly deleted: boolean };

/** The function's input: each row's checked text as is, never serialised again. */
export function appendOnlyBatch(rows: readonly AcceptedRow[]): string {
  return `[${rows.map((r, n) => `{"n":${n},"id":${JSON.stringify(r.id)},"doc":${r.contentJson}}`).join(',')}]`;
}

/**
 * Sales and till records are written once. An id seen again with the same content is a retried
 * push (its reply was lost): nothing to do, and no conflict. With other content, the original
 * stays, goes back to the till as the conflict, and head office gets an incident. The whole
 * decision and the writes run in the database, in one statement (`hub_push_append_only`,
 * migrations/0005): one round trip, and the store's counter row locked only while PostgreSQL
 * works. Outside a transaction the statement commits on its own.
 */
export async function pushAppendOnly(
  q: Queryable,
  jsonb: Database['jsonb'],
  storeId: string,
  collection: string,
  tillId: string,
  rows: readonly AcceptedRow[],
): Promise<StoredPush> {
  if (rows.length === 0) return { lastSeq: null, conflicts: [], incidents: [] };
  const [row] = await q.query<{ result: { lastSeq: number | null; conflicts: Contradiction[] } }>(
    'SELECT hub_push_append_only($1, $2, $3, $4::jsonb, $5::jsonb) AS result',
    [storeId, collection, tillId, JSON.stringify(rows.map((r) => r.id)), jsonb(appendOnlyBatch(rows))],
  );
  if (!row) throw new Error('hub_push_append_only returned nothing');
  const conflicts = new Map<string, SyncDocument>();
  const incidents: PlannedIncident[] = [];
  for (const c of row.result.conflicts) {
    conflicts.set(c.id, toSyncDocument(c));
    // What was received, bounded like a quarantined document: each other content is an incident of its own.
    const received = digestDocument(rows[c.n]?.content ?? null, QUARANTINE_EXCERPT_CHARS);
    incidents.push({
      kind: 'conflict',
      docId: c.id,
      details: {
        message: 'The same id was pushed again with other content; the original was kept',
        receivedExcerpt: received.excerpt,
        receivedSha256: received.sha256,
        receivedBytes: received.bytes,
      },
    });
  }
  return { lastSeq: row.result.lastSeq, conflicts: [...conflicts.values()], incidents };
}
