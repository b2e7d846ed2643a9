import type { Database, Queryable, TransactionOptions } from '../db/database';
import type { ChangeNotice } from '../sync/change-notice';
import { ProjectorLoop, type ProjectorLoopOptions, type StoreRun } from '../sync/projector-loop';
import { isRecordFault } from '../sync/record-faults';
import { VERIFIED_FEED, verifiedFeedEnd } from './verified-feed';

/** A projection's checkpoint table: (store_id primary key, seq: the verified feed's number last read, updated_at). */
export type FeedCheckpoint = 'stock_projection' | 'closing_projection' | 'reporting_projection' | 'loyalty_projection' | 'signup_projection';

/**
 * A projection that follows each store's verified feed (chain_records.feed_seq, the chain
 * verifier's output): what it reads of the feed, what it prepares once per step (locks, store
 * settings), how it applies records, and how it reports one it cannot apply.
 */
export type FeedProjection<R extends { readonly feed_seq: number }, C> = {
  readonly checkpoint: FeedCheckpoint;
  /** Records after `from`, up to `end`, at most `limit`, in feed order. */
  read(tx: Queryable, storeId: string, from: number, end: number, limit: number): Promise<R[]>;
  /** Once per step with records, before any is applied. */
  prepare(tx: Queryable, storeId: string, records: readonly R[]): Promise<C>;
  /** Applies records (the batch, or one alone); what it counts (movements, closings recomputed). */
  apply(tx: Queryable, storeId: string, records: readonly R[], context: C): Promise<number>;
  /** Reports a record that failed alone: it is skipped. */
  skip(tx: Queryable, storeId: string, record: R, error: unknown): Promise<void>;
};

/**
 * What a projection writes derives from records already durable, with its checkpoint in the same
 * transaction: a commit lost to a crash is only a step done again at the next start. So a step
 * does not wait for its commit to reach the disk.
 */
const DERIVED: TransactionOptions = { waitForDisk: false };

/** What one step did: records read (up to the skipped one), what `apply` counted, the checkpoint, records skipped. */
export type FeedStep = { readonly records: number; readonly applied: number; readonly lastSeq: number; readonly skipped: number };

/**
 * One step of a projection for one store: reads the next records of its verified feed after the
 * checkpoint, applies them and moves the checkpoint, in one transaction under the checkpoint row
 * (which serialises the projection's instances per store). The feed read is a committed prefix:
 * its end is read after the checkpoint, under the verifier's own commit of both.
 *
 * A step that fails on what a record holds (isRecordFault) is run again record by record, up to
 * the one that fails alone: it is reported (`skip`) and passed over, so the store's projection
 * never stalls on one record; the records after it go back to whole batches at the next step.
 * Any other failure (the database away) moves nothing and is retried by the caller.
 */
export async function stepFeedProjection<R extends { readonly feed_seq: number }, C>(
  db: Database,
  storeId: string,
  projection: FeedProjection<R, C>,
  limit: number,
): Promise<FeedStep> {
  try {
    return await db.transaction((tx) => step(tx, storeId, projection, limit, false), DERIVED);
  } catch (error) {
    if (!isRecordFault(error)) throw error;
    return db.transaction((tx) => step(tx, storeId, projection, limit, true), DERIVED);
  }
}

async function step<R extends { readonly feed_seq: number }, C>(
  tx: Queryable,
  storeId: string,
  projection: FeedProjection<R, C>,
  limit: number,
  oneByOne: boolean,
): Promise<FeedStep> {
  const [checkpoint] = await tx.query<{ seq: number }>(
    `INSERT INTO ${projection.checkpoint} AS p (store_id, seq) VALUES ($1, 0) ON CONFLICT (store_id) DO UPDATE SET seq = p.seq RETURNING p.seq`,
    [storeId],
  );
  const from = Number(checkpoint?.seq ?? 0);
  const end = await verifiedFeedEnd(tx, storeId);
  if (end <= from) return { records: 0, applied: 0, lastSeq: from, skipped: 0 };
  const records = await projection.read(tx, storeId, from, end, limit);
  let done = records.length;
  let applied = 0;
  let skipped = 0;
  if (records.length > 0) {
    const context = await projection.prepare(tx, storeId, records);
    if (!oneByOne) applied = await projection.apply(tx, storeId, records, context);
    else {
      for (const [i, record] of records.entries()) {
        // Each record in a savepoint: the one that fails is undone alone, the ones before it stay.
        await tx.query('SAVEPOINT feed_record');
        try {
          applied += await projection.apply(tx, storeId, [record], context);
          await tx.query('RELEASE SAVEPOINT feed_record');
        } catch (error) {
          if (!isRecordFault(error)) throw error;
          await tx.query('ROLLBACK TO SAVEPOINT feed_record');
          await projection.skip(tx, storeId, record, error);
          done = i + 1;
          skipped = 1;
          break;
        }
      }
    }
  }
  // A batch read to its end covers the feed up to `end` (its other records are not the projection's).
  const lastSeq = done === records.length && records.length < limit ? end : Number(records[done - 1]!.feed_seq);
  await tx.query(`UPDATE ${projection.checkpoint} SET seq = $2, updated_at = now() WHERE store_id = $1`, [storeId, lastSeq]);
  return { records: done, applied, lastSeq, skipped };
}

/** Stores whose verified feed goes past a projection's checkpoint (at start, after a lost connection). */
export async function storesBehind(db: Queryable, checkpoint: FeedCheckpoint): Promise<string[]> {
  const rows = await db.query<{ store_id: string }>(
    `SELECT v.store_id FROM chain_verification v LEFT JOIN ${checkpoint} p USING (store_id) WHERE v.feed_seq > coalesce(p.seq, 0)`,
  );
  return rows.map((r) => r.store_id);
}

/**
 * Keeps every store's projection up with its verified feed, on this hub instance: woken by the
 * chain verifier's notice of the store's verified feed (from this instance or another), at start
 * and after the listening connection came back; a store whose step filled its batch (or skipped a
 * record) is stepped again at once.
 */
export class FeedProjector<R extends { readonly feed_seq: number }, C> extends ProjectorLoop {
  constructor(
    db: Database,
    options: ProjectorLoopOptions & { readonly settleMs: number; readonly maxLagMs: number },
    private readonly projection: FeedProjection<R, C>,
    private readonly batch: number,
  ) {
    super(db, options);
  }

  protected wakesOn(notice: ChangeNotice): string | null {
    return notice.collection === VERIFIED_FEED ? notice.scope : null;
  }

  protected storesBehind(): Promise<string[]> {
    return storesBehind(this.db, this.projection.checkpoint);
  }

  protected async step(storeId: string): Promise<StoreRun> {
    const step = await stepFeedProjection(this.db, storeId, this.projection, this.batch);
    return { more: step.records === this.batch || step.skipped > 0 };
  }
}
