import { mergeFields, sameDocument, tombstoneOf, type SyncDocument } from '@pos/core';
import type { AcceptedRow } from './document-checks';
import type { PlannedWrite, PolicyOutcome } from './policy-outcome';
import { contentOf, toSyncDocument, type StoredDocument } from './stored-document';

/**
 * Customers: each push is merged field by field into the hub's state (core's mergeFields, the
 * same function the till uses). A change gets a new sequence so other tills pull it; when the
 * merge is not what the till sent, the merged document goes back as a conflict for it to adopt.
 *
 * Erasure is absorbing: a deletion, from the till or already at the hub, wins over any edit and
 * leaves only the tombstone (core's tombstoneOf: id, deletion flag, when, store), so the personal
 * data is gone from the hub, goes back to the pushing till as the conflict to adopt, and a later
 * push of the same customer with data brings none of it back. `now` dates a deletion that says
 * no time of its own.
 */
export function fieldMerge(
  rows: readonly AcceptedRow[],
  existing: ReadonlyMap<string, StoredDocument>,
  now = new Date().toISOString(),
): PolicyOutcome {
  const current = new Map<string, SyncDocument>();
  for (const [id, stored] of existing) current.set(id, toSyncDocument(stored));
  const writes = new Map<string, PlannedWrite>();
  const conflicts = new Map<string, SyncDocument>();
  for (const row of rows) {
    const hub = current.get(row.id) ?? null;
    const till = { ...row.content, id: row.id, _deleted: row.deleted };
    let result: SyncDocument;
    if (hub?._deleted || row.deleted) {
      // A tombstone written before erasure was absorbing may still hold data: it is rewritten too.
      result = tombstoneOf(hub?._deleted ? hub : till, now);
    } else {
      const base = row.assumed ? { ...contentOf(row.assumed), id: row.id, _deleted: row.assumed._deleted === true } : null;
      const { merged } = mergeFields(hub, till, base);
      result = { ...merged, id: row.id, _deleted: merged._deleted === true };
    }
    if (!hub || !sameDocument(result, hub)) {
      // Written once per id even if the batch names it twice: the last state wins, as merged.
      writes.delete(row.id);
      writes.set(row.id, { id: row.id, content: contentOf(result), deleted: result._deleted });
    }
    current.set(row.id, result);
    if (!sameDocument(result, till)) conflicts.set(row.id, result);
    else conflicts.delete(row.id);
  }
  return { writes: [...writes.values()], conflicts: [...conflicts.values()], incidents: [] };
}
