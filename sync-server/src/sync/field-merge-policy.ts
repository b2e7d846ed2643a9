import { mergeFields, sameDocument, type SyncDocument } from '@pos/core';
import type { AcceptedRow } from './document-checks';
import type { PlannedWrite, PolicyOutcome } from './policy-outcome';
import { contentOf, toSyncDocument, type StoredDocument } from './stored-document';

/**
 * Customers: each push is merged field by field into the hub's state (core's mergeFields, the
 * same function the till uses). A change gets a new sequence so other tills pull it; when the
 * merge is not what the till sent, the merged document goes back as a conflict for it to adopt.
 */
export function fieldMerge(rows: readonly AcceptedRow[], existing: ReadonlyMap<string, StoredDocument>): PolicyOutcome {
  const current = new Map<string, SyncDocument>();
  for (const [id, stored] of existing) current.set(id, toSyncDocument(stored));
  const writes = new Map<string, PlannedWrite>();
  const conflicts = new Map<string, SyncDocument>();
  for (const row of rows) {
    const hub = current.get(row.id) ?? null;
    const till = { ...row.content, id: row.id, _deleted: row.deleted };
    const base = row.assumed ? { ...contentOf(row.assumed), id: row.id, _deleted: row.assumed._deleted === true } : null;
    const { merged, tillMustAdopt } = mergeFields(hub, till, base);
    const result: SyncDocument = { ...merged, id: row.id, _deleted: merged._deleted === true };
    if (!hub || !sameDocument(result, hub)) {
      // Written once per id even if the batch names it twice: the last state wins, as merged.
      writes.delete(row.id);
      writes.set(row.id, { id: row.id, content: contentOf(result), deleted: result._deleted });
    }
    current.set(row.id, result);
    if (tillMustAdopt) conflicts.set(row.id, result);
    else conflicts.delete(row.id);
  }
  return { writes: [...writes.values()], conflicts: [...conflicts.values()], incidents: [] };
}
