import 'fake-indexeddb/auto';
import { saleDocFromRecord, type SyncDocument } from '@pos/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { useSyncStore } from '../../state/sync-store';
import { createDocumentsDb, type DocumentsDb } from '../documents-db';
import { fakeSaleRecord } from '../test-support/fake-records';
import { PushWatermarks } from './push-watermarks';

let n = 0;
const open: DocumentsDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.remove();
});

async function tillWithSales(count: number): Promise<DocumentsDb> {
  const db = await createDocumentsDb(`watermarks-test-${n++}`, getRxStorageDexie({}));
  open.push(db);
  await db.sales.bulkInsert(Array.from({ length: count }, (_, i) => saleDocFromRecord(fakeSaleRecord(i + 1))));
  return db;
}

const acked = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: `s${from + i}`, seq: from + i }) as unknown as SyncDocument);

describe('documents waiting to be sent', () => {
  it('counts exactly when the hub accepts batches out of sequence order, and after a restart', async () => {
    const db = await tillWithSales(250);
    const marks = await PushWatermarks.open(db);
    expect(useSyncStore.getState().pending).toBe(250);
    // RxDB sends in its own order: the batch with the newest sales first.
    await marks.accepted('sales', acked(151, 250));
    expect(useSyncStore.getState().pending).toBe(150);
    await marks.accepted('sales', acked(1, 100));
    expect(useSyncStore.getState().pending).toBe(50);
    expect([...(await marks.unsyncedQuantities()).values()].reduce((a, b) => a + b, 0)).toBe(50);
    // The till restarts before the last batch is accepted: the count survives.
    const reopened = await PushWatermarks.open(db);
    expect(useSyncStore.getState().pending).toBe(50);
    await reopened.accepted('sales', acked(101, 150));
    expect(useSyncStore.getState().pending).toBe(0);
    expect((await db.settings.findOne('sync.pushed.sales').exec())?.value).toBe(250);
    expect((await db.settings.findOne('sync.pushedAbove.sales').exec())?.value).toEqual([]);
  });
});
