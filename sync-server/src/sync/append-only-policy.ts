import { canonicalText, type SyncDocument } from '@pos/core';
import type { AcceptedRow } from './document-checks';
import type { PlannedIncident, PlannedWrite, PolicyOutcome } from './policy-outcome';
import { toSyncDocument, type StoredDocument } from './stored-document';

/**
 * Sales and till records are written once. An id seen again with the same content is a retried
 * push (its reply was lost): nothing to do, and no conflict. With other content, the original
 * stays, goes back to the till as the conflict, and head office gets an incident.
 */
export function appendOnly(rows: readonly AcceptedRow[], existing: ReadonlyMap<string, StoredDocument>): PolicyOutcome {
  const known = new Map<string, { content: Record<string, unknown>; deleted: boolean }>();
  for (const [id, stored] of existing) known.set(id, { content: stored.doc, deleted: stored.deleted });
  const writes: PlannedWrite[] = [];
  const conflicts = new Map<string, SyncDocument>();
  const incidents: PlannedIncident[] = [];
  for (const row of rows) {
    const kept = known.get(row.id);
    if (!kept) {
      writes.push({ id: row.id, content: row.content, contentJson: row.contentJson, deleted: false });
      known.set(row.id, { content: row.content, deleted: false });
      continue;
    }
    if (canonicalText(kept.content) === canonicalText(row.content)) continue;
    conflicts.set(row.id, toSyncDocument({ id: row.id, doc: kept.content, deleted: kept.deleted }));
    incidents.push({ kind: 'conflict', docId: row.id, details: { message: 'The same id was pushed again with other content; the original was kept', received: row.content } });
  }
  return { writes, conflicts: [...conflicts.values()], incidents };
}
