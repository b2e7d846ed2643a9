import type { PushDocumentError, PushResponse, PushRow, SyncCollection } from '@pos/core';
import type { DeviceIdentity } from '../auth/device-auth';
import type { Database, Queryable } from '../db/database';
import { pushAppendOnly } from './append-only-push';
import { notifyChange } from './change-notice';
import { checkRow, type AcceptedRow, type RefusedRow } from './document-checks';
import { advanceCounter, findDocuments, lockCounter, writeDocuments } from './document-table';
import { fieldMerge } from './field-merge-policy';
import { recordIncidents } from './incidents';
import type { StoredPush } from './policy-outcome';
import { DEFAULT_QUARANTINE_LIMITS, quarantineRows, type QuarantineLimits } from './quarantine';
import { scopeFor, type Scope } from './scope';

export type PushFaults = {
  /** Test hook: runs inside the push transaction, after the writes, before COMMIT (a slow writer). */
  readonly beforeCommit?: (push: {
    readonly storeId: string;
    readonly collection: string;
    readonly lastSeq: number | null;
  }) => Promise<void>;
};

type Row = { readonly newDocumentState: unknown; readonly assumedMasterState?: unknown };

/**
 * Customers merge field by field in JavaScript, inside the caller's transaction: lock the store's
 * counter row, read the ids already there, merge, write with the next sequence numbers.
 */
async function storeFieldMerge(
  tx: Queryable,
  scope: Scope,
  collection: string,
  tillId: string,
  accepted: readonly AcceptedRow[],
): Promise<StoredPush> {
  const base = await lockCounter(tx, scope);
  const existing = await findDocuments(
    tx,
    scope,
    collection,
    accepted.map((r) => r.id),
  );
  const decided = fieldMerge(accepted, existing);
  const writes = decided.writes.map((w, i) => ({
    id: w.id,
    seq: base + i + 1,
    doc: w.content,
    docJson: w.contentJson,
    deleted: w.deleted,
    tillId,
  }));
  const lastSeq = writes.at(-1)?.seq ?? null;
  if (lastSeq !== null) {
    await writeDocuments(tx, scope, collection, writes, 'upsert');
    await advanceCounter(tx, scope, writes.length);
  }
  return { lastSeq, conflicts: decided.conflicts, incidents: decided.incidents };
}

/**
 * One push. Sales and till records (append-only, nearly every push) are one statement that
 * commits on its own (append-only-push.ts); customers are merged in a transaction. Then, once the
 * documents are committed: NOTIFY, incidents, and the refused documents into quarantine, each
 * keyed by its content, so a push retried after a failure there records them once and writes
 * nothing twice. The good documents of a batch are written all the same: one bad document never
 * blocks a till. Stock is not touched here: the stock projector follows the stored sales
 * (stock/stock-projector.ts), so a push costs what storing it costs.
 */
export async function pushDocuments(
  db: Database,
  device: DeviceIdentity,
  collection: SyncCollection,
  rows: readonly (Row | PushRow)[],
  faults: PushFaults = {},
  quarantine: QuarantineLimits = DEFAULT_QUARANTINE_LIMITS,
): Promise<PushResponse> {
  const accepted: AcceptedRow[] = [];
  const refused: RefusedRow[] = [];
  rows.forEach((row, index) => {
    const checked = checkRow(row, index, collection, device);
    if (checked.ok) accepted.push(checked);
    else refused.push(checked);
  });
  const scope = scopeFor(collection, device.storeId);
  if (scope.kind !== 'store' || (collection.policy !== 'append-only' && collection.policy !== 'field-merge')) {
    throw new Error(`${collection.name} is not written by tills`);
  }

  const run = async (q: Queryable): Promise<StoredPush> => {
    const stored =
      collection.policy === 'append-only'
        ? await pushAppendOnly(q, db.jsonb, device.storeId, collection.name, device.tillId, accepted)
        : await storeFieldMerge(q, scope, collection.name, device.tillId, accepted);
    if (stored.lastSeq !== null) await notifyChange(q, scope, collection.name, stored.lastSeq);
    await recordIncidents(q, device.storeId, device.tillId, collection.name, stored.incidents);
    await quarantineRows(q, device.storeId, device.tillId, collection.name, refused, quarantine);
    await faults.beforeCommit?.({ storeId: device.storeId, collection: collection.name, lastSeq: stored.lastSeq });
    return stored;
  };
  // The test hook needs a transaction to hold open; so does the merge.
  const outcome = collection.policy === 'append-only' && !faults.beforeCommit ? await run(db) : await db.transaction(run);

  const errors: PushDocumentError[] = refused.map((r) => ({ index: r.index, id: r.id, message: r.reason }));
  return { conflicts: outcome.conflicts, errors };
}
