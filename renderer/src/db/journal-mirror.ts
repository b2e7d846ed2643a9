import { saleDocFromRecord, tillRecordDocFromRecord, type FiscalChain, type SealedRecord } from '@pos/core';
import type { HostBridge } from '../bridge';
import type { DocumentsDb } from './documents-db';

const PAGE = 500;

/**
 * Keeps RxDB holding every sealed record of the host's journal. At start it fills what is
 * missing (a crash between seal and write, or an IndexedDB the browser evicted or someone
 * deleted); after technical events the host sealed on its own (sign-in, start) it catches up.
 * Inserting an existing id is a no-op, so running it twice restores nothing twice.
 */
export async function mirrorJournal(db: DocumentsDb, bridge: Pick<HostBridge, 'invoke'>, chain: FiscalChain): Promise<number> {
  const collection = chain === 'sale' ? db.sales : db.till_records;
  const newest = await collection.findOne({ selector: {}, sort: [{ seq: 'desc' }] }).exec();
  const localMax = newest?.seq ?? 0;
  const localCount = await collection.count().exec();
  // Fewer documents than the highest sequence: a hole somewhere, so walk the whole journal.
  let after = localCount < localMax ? 0 : localMax;
  let restored = 0;
  for (;;) {
    const { records, headSeq } = await bridge.invoke('journal.read', { chain, afterSeq: after, limit: PAGE });
    if (records.length === 0) break;
    restored += await insertMissing(db, chain, records);
    after = records[records.length - 1]?.seq ?? after;
    if (after >= headSeq) break;
  }
  return restored;
}

async function insertMissing(db: DocumentsDb, chain: FiscalChain, records: readonly SealedRecord[]): Promise<number> {
  const result =
    chain === 'sale'
      ? await db.sales.bulkInsert(records.map((r) => saleDocFromRecord(r as SealedRecord<'sale'>)))
      : await db.till_records.bulkInsert(records.map((r) => tillRecordDocFromRecord(r as SealedRecord<'event'>)));
  const unexpected = result.error.filter((e) => e.status !== 409);
  if (unexpected.length > 0) throw new Error(`Could not restore ${unexpected.length} sealed records (${unexpected[0]?.status})`);
  return result.success.length;
}
