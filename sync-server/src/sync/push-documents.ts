import type { PushDocumentError, PushResponse, PushRow, SyncCollection } from '@pos/core';
import type { DeviceIdentity } from '../auth/device-auth';
import type { Database } from '../db/database';
import { appendOnly } from './append-only-policy';
import { notifyChange } from './change-notice';
import { checkRow, type AcceptedRow, type RefusedRow } from './document-checks';
import { advanceCounter, findDocuments, lockCounter, writeDocuments } from './document-table';
import { fieldMerge } from './field-merge-policy';
import { recordIncidents } from './incidents';
import type { PolicyOutcome } from './policy-outcome';
import { quarantineRows } from './quarantine';
import { scopeFor } from './scope';

export type PushFaults = {
  /** Test hook: runs inside the push transaction, after the writes, before COMMIT (a slow writer). */
  readonly beforeCommit?: (push: { readonly storeId: string; readonly collection: string; readonly lastSeq: number | null }) => Promise<void>;
};

type Row = { readonly newDocumentState: unknown; readonly assumedMasterState?: unknown };

function decide(collection: SyncCollection, rows: readonly AcceptedRow[], existing: Parameters<typeof appendOnly>[1]): PolicyOutcome {
  if (collection.policy === 'append-only') return appendOnly(rows, existing);
  if (collection.policy === 'field-merge') return fieldMerge(rows, existing);
  throw new Error(`${collection.name} is not written by tills`);
}

/**
 * One push, in one transaction: lock the store's counter row, read the ids already there, let the
 * collection's policy decide, then write with the next sequence numbers and NOTIFY (delivered on
 * commit). Refused documents are quarantined in the same transaction; the good ones of the batch
 * are written all the same, so one bad document never blocks a till. Stock is not touched here:
 * the stock projector follows the stored sales (stock/stock-projector.ts), so a push costs what
 * storing it costs.
 */
export async function pushDocuments(
  db: Database,
  device: DeviceIdentity,
  collection: SyncCollection,
  rows: readonly (Row | PushRow)[],
  faults: PushFaults = {},
): Promise<PushResponse> {
  const accepted: AcceptedRow[] = [];
  const refused: RefusedRow[] = [];
  rows.forEach((row, index) => {
    const checked = checkRow(row, index, collection, device);
    if (checked.ok) accepted.push(checked);
    else refused.push(checked);
  });
  const scope = scopeFor(collection, device.storeId);
  if (scope.kind !== 'store') throw new Error(`${collection.name} is not written by tills`);

  const outcome = await db.transaction(async (tx) => {
    const base = await lockCounter(tx, scope);
    const existing = await findDocuments(
      tx,
      scope,
      collection.name,
      accepted.map((r) => r.id),
    );
    const decided = decide(collection, accepted, existing);
    const writes = decided.writes.map((w, i) => ({ id: w.id, seq: base + i + 1, doc: w.content, docJson: w.contentJson, deleted: w.deleted, tillId: device.tillId }));
    const lastSeq = writes.at(-1)?.seq ?? null;
    if (lastSeq !== null) {
      await writeDocuments(tx, scope, collection.name, writes, collection.policy === 'append-only' ? 'insert' : 'upsert');
      await advanceCounter(tx, scope, writes.length);
      await notifyChange(tx, scope, collection.name, lastSeq);
    }
    await recordIncidents(tx, device.storeId, device.tillId, collection.name, decided.incidents);
    await quarantineRows(tx, device.storeId, device.tillId, collection.name, refused);
    await faults.beforeCommit?.({ storeId: device.storeId, collection: collection.name, lastSeq });
    return decided;
  });

  const errors: PushDocumentError[] = refused.map((r) => ({ index: r.index, id: r.id, message: r.reason }));
  return { conflicts: outcome.conflicts, errors };
}
