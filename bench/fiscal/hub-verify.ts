/**
 * hub_verify_records_per_s: the hub's chain verifier (sync-server/src/fiscal) on PostgreSQL, as it
 * runs behind the pushes: sealed sales of several tills stored as pushes store them, then verified
 * store step by store step (read, shape, hash, link, signature against the registered keys, the
 * sale's arithmetic, chain records, heads, verified feed, checkpoint), timed until every record is
 * verified. Each round starts the verification afresh on the same stored records, after one round
 * not counted: a running hub is warm (its code compiled by V8, its tables in PostgreSQL's cache).
 */
import { findSyncCollection, type SyncCollection } from '@pos/core';
import type { Database } from '../../sync-server/src/db/database';
import { openDatabase } from '../../sync-server/src/db/open-database';
import { defaultSignatureThreads, SignaturePool } from '../../sync-server/src/fiscal/signature-pool';
import { VERIFY_BATCH, verifyStoreChains, type ReadAhead, type VerifyOptions } from '../../sync-server/src/fiscal/verify-store';
import { pushDocuments } from '../../sync-server/src/sync/push-documents';
import { pushRows } from '../../sync-server/src/test-support/sealed-records';
import { enrolledTills } from '../../sync-server/src/test-support/test-hub';
import { scratchDatabase } from '../support/postgres-admin';
import { benchSale } from './sealed-journal';

const SALES = findSyncCollection('sales') as SyncCollection;
const TILL_RECORDS = findSyncCollection('till_records') as SyncCollection;
const PUSH_ROWS = 500;

export type HubVerification = { readonly records: number; readonly tills: number; readonly threads: number; readonly ratesPerS: number[] };

/** Stores `perTill` sealed sales of each of `tills` tills (and each till's start), as pushes would. */
async function storeSealedRecords(db: Database, tills: number, perTill: number): Promise<number> {
  const devices = await enrolledTills(
    db,
    'S001',
    Array.from({ length: tills }, (_, i) => `T${String(i + 1).padStart(2, '0')}`),
  );
  let stored = 0;
  for (const device of devices) {
    await pushDocuments(db, device, TILL_RECORDS, pushRows([device.chains.start()]));
    stored += 1;
    for (let from = 0; from < perTill; from += PUSH_ROWS) {
      const records = Array.from({ length: Math.min(PUSH_ROWS, perTill - from) }, (_, i) => {
        const payload = { ...benchSale(from + i + 1), tillId: device.tillId };
        const saleId = `${device.tillId}-${payload.saleId}`;
        return device.chains.seal('sale', saleId, { ...payload, saleId });
      });
      const reply = await pushDocuments(db, device, SALES, pushRows(records));
      if (reply.errors.length > 0) throw new Error(`the hub refused bench sales: ${reply.errors[0]!.message}`);
      stored += records.length;
      // As autovacuum would on a running hub: without statistics a new store's pushes probe its rows one by one.
      if (from === 0) await db.query('ANALYZE store_docs');
    }
  }
  return stored;
}

/** Every record of the store verified from nothing, step after step; records per second. */
async function verifyAll(db: Database, records: number, options: VerifyOptions): Promise<number> {
  await db.query('TRUNCATE chain_verification, chain_heads, chain_records, chain_pending, chain_breaks, chain_anchors');
  const started = performance.now();
  let verified = 0;
  let ahead: ReadAhead | undefined;
  for (;;) {
    const step = await verifyStoreChains(db, 'S001', options, VERIFY_BATCH, ahead);
    if (step.read === 0) break;
    verified += step.placed;
    ahead = step.readAhead;
  }
  const seconds = (performance.now() - started) / 1000;
  const [broken] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM chain_records WHERE status <> 'verified'");
  if (verified !== records || broken!.n !== 0)
    throw new Error(`the hub verified ${verified} of ${records} records, ${broken!.n} not sound`);
  return records / seconds;
}

/** As the hub runs it: signatures on its thread pool (the cores but one). */
export async function measureHubVerification(options: {
  readonly tills: number;
  readonly perTill: number;
  readonly rounds: number;
  readonly log: (line: string) => void;
}): Promise<HubVerification> {
  const threads = Number(process.env.BENCH_SIGNATURE_THREADS) || defaultSignatureThreads();
  const pool = new SignaturePool(threads);
  try {
    return { ...(await measureWith(options, { signatures: pool })), threads };
  } finally {
    await pool.close();
  }
}

async function measureWith(
  options: { readonly tills: number; readonly perTill: number; readonly rounds: number; readonly log: (line: string) => void },
  verify: VerifyOptions,
): Promise<Omit<HubVerification, 'threads'>> {
  const scratch = await scratchDatabase('verify');
  let db: Database | null = null;
  try {
    db = await openDatabase({ kind: 'postgres', url: scratch.url });
    const built = performance.now();
    const records = await storeSealedRecords(db, options.tills, options.perTill);
    await db.query('ANALYZE');
    options.log(
      `stored ${records.toLocaleString('en')} sealed records of ${options.tills} tills as pushes store them (${((performance.now() - built) / 1000).toFixed(1)} s, not timed)`,
    );
    await verifyAll(db, records, verify);
    const ratesPerS: number[] = [];
    for (let round = 0; round < options.rounds; round++) ratesPerS.push(await verifyAll(db, records, verify));
    return { records, tills: options.tills, ratesPerS };
  } finally {
    await db?.close();
    await scratch.drop();
  }
}
