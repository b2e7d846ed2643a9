import 'fake-indexeddb/auto';
import type { FiscalChain, SealedRecord } from '@pos/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostBridge } from '../bridge';
import { createDocumentsDb, type DocumentsDb } from './documents-db';
import { mirrorJournal } from './journal-mirror';
import { fakeDuplicateRecord, fakeEventRecord, fakeSaleRecord } from './test-support/fake-records';

let n = 0;
const open: DocumentsDb[] = [];
async function freshDocs(): Promise<DocumentsDb> {
  const db = await createDocumentsDb(`docs-test-${n++}`, getRxStorageDexie({ chromeTransactionDurability: 'strict' }));
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.remove();
});

function fakeHost(records: SealedRecord[]): Pick<HostBridge, 'invoke'> & { reads: number } {
  const host = {
    reads: 0,
    invoke: (async (_name: string, req: { chain: FiscalChain; afterSeq: number; limit: number }) => {
      host.reads += 1;
      const chain = records.filter((r) => r.chain === req.chain);
      return { records: chain.filter((r) => r.seq > req.afterSeq).slice(0, req.limit), headSeq: chain.length };
    }) as unknown as HostBridge['invoke'],
  };
  return host;
}

describe('mirrorJournal', () => {
  it('restores every sale of the journal into an empty database, once', async () => {
    const db = await freshDocs();
    const journal = Array.from({ length: 1200 }, (_, i) => fakeSaleRecord(i + 1));
    expect(await mirrorJournal(db, fakeHost(journal), 'sale')).toBe(1200);
    expect(await db.sales.count().exec()).toBe(1200);
    expect(await mirrorJournal(db, fakeHost(journal), 'sale')).toBe(0);
    expect(await db.sales.count().exec()).toBe(1200);
  });

  it('restores only the tail when the till holds the rest', async () => {
    const db = await freshDocs();
    const journal = Array.from({ length: 10 }, (_, i) => fakeSaleRecord(i + 1));
    await mirrorJournal(db, fakeHost(journal.slice(0, 8)), 'sale');
    const host = fakeHost(journal);
    expect(await mirrorJournal(db, host, 'sale')).toBe(2);
    expect(host.reads).toBe(1);
  });

  it('fills a hole below the newest sale', async () => {
    const db = await freshDocs();
    const journal = Array.from({ length: 6 }, (_, i) => fakeSaleRecord(i + 1));
    await mirrorJournal(db, fakeHost(journal), 'sale');
    await (await db.sales.findOne(journal[2]!.id).exec())!.remove();
    expect(await mirrorJournal(db, fakeHost(journal), 'sale')).toBe(1);
    expect((await db.sales.find({ sort: [{ seq: 'asc' }] }).exec()).map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the event and duplicate chains apart in till_records, each restored and checked for holes on its own', async () => {
    const db = await freshDocs();
    const events = Array.from({ length: 5 }, (_, i) => fakeEventRecord(i + 1, { type: 'session.sign-in', staffId: 'staff-camille' }));
    const duplicates = Array.from({ length: 3 }, (_, i) =>
      fakeDuplicateRecord(i + 1, { saleId: `sale-${i}`, receiptSeq: i + 1, duplicateNumber: 1, staffId: 'staff-camille' }),
    );
    const journal = [...events, ...duplicates];
    expect(await mirrorJournal(db, fakeHost(journal), 'event')).toBe(5);
    expect(await mirrorJournal(db, fakeHost(journal), 'duplicate')).toBe(3);
    const docs = await db.till_records.find({ sort: [{ seq: 'asc' }] }).exec();
    expect(docs.filter((d) => d.chain === 'duplicate').map((d) => [d.seq, d.kind])).toEqual([
      [1, 'duplicate'],
      [2, 'duplicate'],
      [3, 'duplicate'],
    ]);

    // Duplicate 2 lost: the event chain (5 records, head 5) is whole and reads only its tail;
    // the duplicate chain sees its own hole and walks its journal again.
    await (await db.till_records.findOne('duplicate-2').exec())!.remove();
    const host = fakeHost(journal);
    expect(await mirrorJournal(db, host, 'event')).toBe(0);
    expect(host.reads).toBe(1);
    expect(await mirrorJournal(db, host, 'duplicate')).toBe(1);
    expect(await db.till_records.count().exec()).toBe(8);
  });
});
