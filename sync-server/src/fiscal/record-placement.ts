import { isFiscalChain, type FiscalChain } from '@pos/core';
import type { FoundBreak } from './chain-breaks';
import type { StoredRecord } from './stored-records';

/** A problem of one record before it is placed: a stable code and words. */
export type RecordIssue = { readonly code: FoundBreak['code']; readonly problem: string };

/**
 * Where a stored record belongs: its till's chain and its sequence there, with what its document
 * gets wrong (the document's copies must equal the sealed record's fields); or a break when it
 * cannot belong to any chain of the till that pushed it (another till's or store's record, a
 * record in the wrong collection, no sequence number).
 */
export type Placement =
  | { readonly placed: true; readonly chain: FiscalChain; readonly seq: number; readonly documentIssues: readonly RecordIssue[] }
  | { readonly placed: false; readonly break: FoundBreak };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const describe = (value: unknown) => (typeof value === 'string' ? value.slice(0, 64) : JSON.stringify(value ?? null).slice(0, 64));

export function placeRecord(stored: StoredRecord, storeId: string): Placement {
  const record = isObject(stored.record) ? stored.record : {};
  const claimedSeq = typeof record.seq === 'number' && Number.isSafeInteger(record.seq) ? record.seq : 0;
  const chainName = isFiscalChain(record.chain) ? record.chain : describe(record.chain).slice(0, 16);
  const refuse = (code: FoundBreak['code'], problem: string): Placement => ({
    placed: false,
    break: {
      tillId: stored.tillId,
      chain: chainName,
      epoch: 0,
      seq: claimedSeq,
      collection: stored.collection,
      docId: stored.docId,
      code,
      problem,
    },
  });

  const chain = isFiscalChain(record.chain) ? record.chain : null;
  if (!chain) return refuse('shape', 'the stored document holds no record of a known chain');
  if ((stored.collection === 'sales') !== (chain === 'sale')) {
    return refuse('document', `a record of the ${chain} chain kept in ${stored.collection}`);
  }
  if (claimedSeq < 1) return refuse('shape', 'the record has no sequence number (a whole number from 1)');
  if (record.storeId !== storeId || record.tillId !== stored.tillId) {
    return refuse(
      'other-till',
      `a record of till ${describe(record.tillId)} of store ${describe(record.storeId)}, pushed by till ${stored.tillId} of store ${storeId}`,
    );
  }

  const differs: string[] = [];
  if (record.id !== stored.docId) differs.push(`id ${describe(stored.docId)} (record: ${describe(record.id)})`);
  if (stored.copies.storeId !== record.storeId) differs.push(`storeId ${describe(stored.copies.storeId)}`);
  if (stored.copies.tillId !== record.tillId) differs.push(`tillId ${describe(stored.copies.tillId)}`);
  if (stored.copies.seq !== record.seq) differs.push(`seq ${describe(stored.copies.seq)} (record: ${claimedSeq})`);
  if (stored.collection === 'till_records' && stored.copies.chain !== chain) differs.push(`chain ${describe(stored.copies.chain)}`);
  const documentIssues: RecordIssue[] =
    differs.length > 0 ? [{ code: 'document', problem: `the stored document differs from its sealed record: ${differs.join(', ')}` }] : [];
  return { placed: true, chain, seq: claimedSeq, documentIssues };
}
