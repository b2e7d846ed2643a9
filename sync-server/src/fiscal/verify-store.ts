import type { FiscalCrypto } from '@pos/core';
import type { Database, Queryable } from '../db/database';
import { notifyChange } from '../sync/change-notice';
import { isRecordFault } from '../sync/record-faults';
import { Anchors } from './anchors';
import { breaksWrite, recordBreaks } from './chain-breaks';
import {
  advanceVerification,
  advanceWrite,
  anchorWrites,
  headsWrite,
  loadChainState,
  lockVerification,
  pendingWrites,
  placedWrite,
  type PendingRef,
} from './chain-state';
import { ChainWalk } from './chain-walk';
import { nodeFiscalCrypto } from './node-fiscal-crypto';
import { checkRecords, inlineVerifier, type CheckedRecord, type CheckTools, type SignatureVerifier } from './record-checks';
import { placeRecord, type Placement } from './record-placement';
import { invalidSalesWrite } from './sale-arithmetic';
import { hubPromotions } from './sale-promotions';
import { stepInputs } from './step-inputs';
import { writeStep } from './step-writes';
import { loadStoreKeys, rotatedKeysWrite } from './store-keys';
import { recordsAfter, type StoredRecord } from './stored-records';
import { VERIFIED_FEED } from './verified-feed';

/** Records read per verification step: one transaction, a handful of statements. */
export const VERIFY_BATCH = 2000;
/** How long a gap (or a key nobody registered, or an anchor not reached) may wait before it is a break. */
export const DEFAULT_GRACE_MS = 10 * 60_000;
/** The soonest a store is looked at again for a grace period: a wait that did not end as expected is never a busy loop. */
const MIN_RECHECK_MS = 1000;
/** Waiting records read per step, lowest sequences first. */
const PENDING_LIMIT = 50_000;

export type VerifyOptions = {
  readonly crypto?: FiscalCrypto;
  /** Where Ed25519 signatures are verified (inline by default; a pool of threads on a busy hub). */
  readonly signatures?: SignatureVerifier;
  readonly graceMs?: number;
  /** The clock grace periods are measured with (tests move it). */
  readonly now?: () => number;
};

export type VerifyStep = {
  /** Stored records read past the checkpoint. */
  readonly read: number;
  readonly placed: number;
  /** Records that entered the verified feed. */
  readonly fed: number;
  readonly breaks: number;
  readonly lastSeq: number;
  readonly feedSeq: number;
  /** Something waits for a grace period to end: look again after this long. */
  readonly againInMs?: number;
  /** The next records, already asked of the database (the batch was full): give it to the next step. */
  readonly readAhead?: ReadAhead;
};

/**
 * The next batch of stored records, asked for while a step checks and writes the last one, so
 * the database reads while the verifier works. Used only if the checkpoint is still where it was.
 */
export type ReadAhead = { readonly after: number; readonly records: Promise<StoredRecord[] | null> };

function readAheadAfter(db: Database, storeId: string, after: number, limit: number): ReadAhead {
  // A failed read ahead is not the step's failure: the next step reads for itself.
  return { after, records: recordsAfter(db, storeId, after, limit).catch(() => null) };
}

/**
 * One verification step of one store, in one transaction: its sales and till records after the
 * checkpoint (at most `limit`) and those still waiting, each chain of each till walked from its
 * verified head, then the chain records, heads, waiting records, breaks, anchors, rotated keys,
 * invalid-sale incidents and the checkpoint written together; the verified feed's notice after
 * commit. A step that fails on what a record holds (isRecordFault) is run again for the next
 * record alone, and if that one still fails it is flagged `unreadable` and passed: the store's
 * verification never stalls on one record. Any other failure (the database away) moves nothing.
 */
export async function verifyStoreChains(
  db: Database,
  storeId: string,
  options: VerifyOptions = {},
  limit = VERIFY_BATCH,
  readAhead?: ReadAhead,
): Promise<VerifyStep> {
  try {
    return await verifyStep(db, storeId, options, limit, readAhead);
  } catch (error) {
    if (!isRecordFault(error)) throw error;
    try {
      return await verifyStep(db, storeId, options, 1);
    } catch (again) {
      if (!isRecordFault(again)) throw again;
      return db.transaction((tx) => skipUnreadable(tx, storeId, again));
    }
  }
}

/** A record read past the checkpoint: where it belongs, and (when it belongs to a chain) its checks. */
type Prepared = { readonly stored: StoredRecord; readonly placement: Placement; readonly checked: CheckedRecord | null };

/** Checks all that does not depend on where the records' chains stand. */
async function prepareRecords(
  stored: readonly StoredRecord[],
  storeId: string,
  tools: CheckTools,
  signatures: SignatureVerifier,
): Promise<Prepared[]> {
  const placements = stored.map((s) => placeRecord(s, storeId));
  const placedOnes = stored.filter((_, i) => placements[i]!.placed);
  const checked = await checkRecords(
    placedOnes.map((s) => ({ value: s.record, tillId: s.tillId })),
    tools,
    signatures,
  );
  let next = 0;
  return stored.map((s, i) => ({ stored: s, placement: placements[i]!, checked: placements[i]!.placed ? checked[next++]! : null }));
}

async function verifyStep(db: Database, storeId: string, options: VerifyOptions, limit: number, ahead?: ReadAhead): Promise<VerifyStep> {
  const now = (options.now ?? Date.now)();
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const crypto = options.crypto ?? nodeFiscalCrypto;
  // Reading and checking (the bulk of the work, hashes and signatures) happen before the
  // transaction: on PGlite a transaction holds the whole engine, and pushes must not wait for it.
  // The store's keys and rules are read alongside the records, on connections of their own.
  // The checkpoint, the store's keys and rules in one read; the promotions (cached) alongside the records.
  const read = await stepInputs(db, storeId, crypto);
  const promotions = hubPromotions(db, read.promotionsSeq);
  // Not left unobserved if the records' read fails first.
  promotions.catch(() => undefined);
  const stored = (ahead?.after === read.seq ? await ahead.records : null) ?? (await recordsAfter(db, storeId, read.seq, limit));
  const readAhead = stored.length === limit ? readAheadAfter(db, storeId, stored.at(-1)!.docSeq, limit) : undefined;
  const readTools: CheckTools = { keys: read.keys, rules: { ...read.rules, promotions: await promotions }, crypto };
  const checkedAhead = await prepareRecords(stored, storeId, readTools, options.signatures ?? inlineVerifier(crypto));
  return db.transaction(async (tx) => {
    const checkpoint = await lockVerification(tx, storeId);
    let tools = readTools;
    let prepared = checkedAhead;
    if (checkpoint.seq !== read.seq) {
      // Another hub instance stepped meanwhile: from where it stopped, with the keys as they are now.
      tools = { ...readTools, keys: await loadStoreKeys(tx, storeId, crypto) };
      prepared = await prepareRecords(await recordsAfter(tx, storeId, checkpoint.seq, limit), storeId, tools, inlineVerifier(crypto));
    }
    const { heads, pending, anchors: anchorStates } = await loadChainState(tx, storeId, PENDING_LIMIT);
    if (prepared.length === 0 && pending.length === 0 && ![...anchorStates.values()].some((a) => a.status === 'waiting')) {
      return { read: 0, placed: 0, fed: 0, breaks: 0, lastSeq: checkpoint.seq, feedSeq: checkpoint.feedSeq };
    }

    const walk = new ChainWalk({ ...tools, tx, storeId, graceMs, now }, heads, checkpoint.feedSeq);
    for (const { stored, placement, checked } of prepared) {
      if (!placement.placed) {
        walk.breaks.push(placement.break);
        continue;
      }
      const ref: PendingRef = {
        collection: stored.collection,
        docId: stored.docId,
        tillId: stored.tillId,
        chain: placement.chain,
        seq: placement.seq,
        docSeq: stored.docSeq,
        firstSeen: now,
      };
      walk.add({ ref, wasPending: false, stored, documentIssues: placement.documentIssues, checked, done: false });
    }
    for (const ref of pending) walk.add({ ref, wasPending: true, stored: null, documentIssues: [], checked: null, done: false });

    await walk.walkAll();
    const anchors = new Anchors(anchorStates, walk, graceMs, now);
    await anchors.apply();

    const candidates = walk.candidates();
    const lastSeq = prepared.at(-1)?.stored.docSeq ?? checkpoint.seq;
    // One statement for all the step writes (step-writes.ts).
    await writeStep(tx, storeId, [
      placedWrite(walk.placed),
      headsWrite([...walk.heads.values()].filter((h) => h.changed)),
      ...pendingWrites(
        candidates.filter((c) => !c.done && !c.wasPending).map((c) => c.ref),
        candidates.filter((c) => c.done && c.wasPending).map((c) => c.ref),
      ),
      breaksWrite(walk.breaks),
      ...anchorWrites(anchors.all()),
      rotatedKeysWrite(tools.keys.admitted),
      invalidSalesWrite(walk.invalidSales),
      advanceWrite(lastSeq, walk.feedSeq),
    ]);
    if (walk.feedSeq > checkpoint.feedSeq) await notifyChange(tx, { kind: 'store', storeId }, VERIFIED_FEED, walk.feedSeq);

    let deadline = anchors.nextDeadline() ?? Infinity;
    for (const c of candidates) if (!c.done) deadline = Math.min(deadline, c.ref.firstSeen + graceMs);
    return {
      read: prepared.length,
      placed: walk.placed.length,
      fed: walk.feedSeq - checkpoint.feedSeq,
      breaks: walk.breaks.length,
      lastSeq,
      feedSeq: walk.feedSeq,
      ...(deadline === Infinity ? {} : { againInMs: Math.max(MIN_RECHECK_MS, deadline - now) }),
      ...(readAhead ? { readAhead } : {}),
    };
  });
}

/** The next stored record, which no step could read: flagged `unreadable` and passed. */
async function skipUnreadable(tx: Queryable, storeId: string, error: unknown): Promise<VerifyStep> {
  const checkpoint = await lockVerification(tx, storeId);
  const [next] = await tx.query<{ collection: string; id: string; seq: number; till_id: string | null }>(
    `SELECT collection, id, seq, till_id FROM store_docs WHERE store_id = $1 AND collection IN ('sales', 'till_records') AND seq > $2 ORDER BY seq LIMIT 1`,
    [storeId, checkpoint.seq],
  );
  // Nothing new to pass: what fails is a waiting record, and the error is the database's to report.
  if (!next) throw error;
  await recordBreaks(tx, storeId, [
    {
      tillId: next.till_id ?? '',
      chain: next.collection === 'sales' ? 'sale' : 'event',
      epoch: 0,
      seq: 0,
      collection: next.collection,
      docId: next.id,
      code: 'unreadable',
      problem: `the stored record could not be verified and was passed over: ${String((error as Error)?.message ?? error).slice(0, 300)}`,
    },
  ]);
  await advanceVerification(tx, storeId, next.seq, checkpoint.feedSeq);
  return { read: 1, placed: 0, fed: 0, breaks: 1, lastSeq: next.seq, feedSeq: checkpoint.feedSeq };
}
