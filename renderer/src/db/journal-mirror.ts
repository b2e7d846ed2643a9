import { saleDocFromRecord, tillRecordDocFromRecord, type FiscalChain, type SealedRecord, type TillRecordChain } from '@pos/core';
import type { HostBridge } from '../bridge';
import type { DocumentsDb } from './documents-db';

const PAGE = 500;
const CLOSING_KINDS = ['closing.z', 'closing.day', 'closing.month', 'closing.year'] as const;

/**
 * The highest sequence and the number of documents the till holds for one chain. Sales have
 * their own collection; events, duplicates, closings and training sales share till_records, told apart
 * by `kind` (the only kind of the duplicate chain is "duplicate", the closing chain's are CLOSING_KINDS,
 * the training chain's "sale"), whose index keeps the counts fast.
 */
async function localPosition(db: DocumentsDb, chain: FiscalChain): Promise<{ max: number; count: number }> {
  if (chain === 'sale') {
    const newest = await db.sales.findOne({ selector: {}, sort: [{ seq: 'desc' }] }).exec();
    return { max: newest?.seq ?? 0, count: await db.sales.count().exec() };
  }
  const newest = await db.till_records.findOne({ selector: { chain }, sort: [{ seq: 'desc' }] }).exec();
  const duplicates = await db.till_records.count({ selector: { kind: 'duplicate' } }).exec();
  let closings = 0;
  for (const kind of CLOSING_KINDS) closings += await db.till_records.count({ selector: { kind } }).exec();
  // Training mode's fictitious sales: the only records of kind "sale" here (real ones have their own collection).
  const training = await db.till_records.count({ selector: { kind: 'sale' } }).exec();
  const others = async () => (await db.till_records.count().exec()) - duplicates - closings - training;
  const count = chain === 'duplicate' ? duplicates : chain === 'closing' ? closings : chain === 'training' ? training : await others();
  return { max: newest?.seq ?? 0, count };
}

/**
 * Keeps RxDB holding every sealed record of the host's journal. At start it fills what is
 * missing (a crash between seal and write, or an IndexedDB the browser evicted or someone
 * deleted); after technical events the host sealed on its own (sign-in, start) it catches up.
 * Inserting an existing id is a no-op, so running it twice restores nothing twice.
 */
export async function mirrorJournal(db: DocumentsDb, bridge: Pick<HostBridge, 'invoke'>, chain: FiscalChain): Promise<number> {
  const local = await localPosition(db, chain);
  // Fewer documents than the highest sequence: a hole somewhere, so walk the whole journal.
  let after = local.count < local.max ? 0 : local.max;
  let restored = 0;
  for (;;) {
    const { records, headSeq } = await bridge.invoke('journal.read', { chain, afterSeq: after, limit: PAGE });
    if (records.length === 0) break;
    restored += await storeSealedRecords(db, chain, records);
    after = records[records.length - 1]?.seq ?? after;
    if (after >= headSeq) break;
  }
  return restored;
}

/** Writes sealed records of one chain where they belong; one already there is left as it is. Returns how many were new. */
export async function storeSealedRecords(db: DocumentsDb, chain: FiscalChain, records: readonly SealedRecord[]): Promise<number> {
  const result =
    chain === 'sale'
      ? await db.sales.bulkInsert(records.map((r) => saleDocFromRecord(r as SealedRecord<'sale'>)))
      : await db.till_records.bulkInsert(records.map((r) => tillRecordDocFromRecord(r as SealedRecord<TillRecordChain>)));
  const unexpected = result.error.filter((e) => e.status !== 409);
  if (unexpected.length > 0) throw new Error(`Could not restore ${unexpected.length} sealed records (${unexpected[0]?.status})`);
  return result.success.length;
}
