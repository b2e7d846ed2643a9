import type { Database, Queryable, TransactionOptions } from '../db/database';
import type { ChangeNotice } from '../sync/change-notice';
import { ProjectorLoop, type ProjectorLoopOptions, type StoreRun } from '../sync/projector-loop';
import { isRecordFault } from '../sync/record-faults';
import { VERIFIED_FEED } from './verified-feed';

/** A projection's checkpoint table: (store_id primary key, seq: the verified feed's number last read, updated_at). */
export type FeedCheckpoint =
  'stock_projection' | 'closing_projection' | 'reporting_projection' | 'loyalty_projection' | 'signup_projection';

/**
 * A projection that follows each store's verified feed (chain_records.feed_seq, the chain
 * verifier's output), one store at a time: what it reads of the feed, what it prepares once per
 * step (locks, store settings), how it applies records, and how it reports one it cannot apply.
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

/** Where a store's step reads its feed: after its checkpoint (`from`), up to its verified feed's end. */
export type FeedBounds = { readonly storeId: string; readonly from: number; readonly end: number };

/** The records of one store a step applies, in feed order. */
export type StoreRecords<R> = { readonly storeId: string; readonly records: readonly R[] };

/**
 * A projection that takes the records of several stores at once, one statement for all of them
 * where a FeedProjection would take one a store: under load a step's cost is its round trips, not
 * its records. Its `prepare` and `apply` get every store's records.
 */
export type StoresFeedProjection<R extends { readonly feed_seq: number }, C> = {
  readonly checkpoint: FeedCheckpoint;
  /** Each store's records within its bounds, at most `limit` a store, in feed order (readFeedOfStores). */
  readStores(tx: Queryable, bounds: readonly FeedBounds[], limit: number): Promise<ReadonlyMap<string, readonly R[]>>;
  /** Once per step with records, before any is applied. */
  prepareStores(tx: Queryable, batches: readonly StoreRecords<R>[]): Promise<C>;
  /** Applies records (the batches, or one record alone); what it counts (movements, closings recomputed), by store. */
  applyStores(tx: Queryable, batches: readonly StoreRecords<R>[], context: C): Promise<ReadonlyMap<string, number>>;
  /** Reports a record that failed alone: it is skipped. */
  skip(tx: Queryable, storeId: string, record: R, error: unknown): Promise<void>;
};

export type AnyFeedProjection<R extends { readonly feed_seq: number }, C> = FeedProjection<R, C> | StoresFeedProjection<R, C>;

/** A one-store projection stepped with others: its reads, preparations and applications one store after the other, in the step's transaction. */
function ofOneStore<R extends { readonly feed_seq: number }, C>(p: FeedProjection<R, C>): StoresFeedProjection<R, Map<string, C>> {
  return {
    checkpoint: p.checkpoint,
    readStores: async (tx, bounds, limit) => {
      const read = new Map<string, R[]>();
      for (const b of bounds) read.set(b.storeId, await p.read(tx, b.storeId, b.from, b.end, limit));
      return read;
    },
    prepareStores: async (tx, batches) => {
      const contexts = new Map<string, C>();
      for (const b of batches) contexts.set(b.storeId, await p.prepare(tx, b.storeId, b.records));
      return contexts;
    },
    applyStores: async (tx, batches, contexts) => {
      const applied = new Map<string, number>();
      for (const b of batches) applied.set(b.storeId, await p.apply(tx, b.storeId, b.records, contexts.get(b.storeId)!));
      return applied;
    },
    skip: (tx, storeId, record, error) => p.skip(tx, storeId, record, error),
  };
}

/**
 * The stores' next records after their checkpoints, up to their feed ends, at most `limit` a
 * store, in one statement: `columns` of each (r: chain_records, d: its store_docs row) for the
 * records `which` (a condition on r) selects. Rows come with store_id and feed_seq.
 */
export async function readFeedOfStores<R extends { readonly store_id: string; readonly feed_seq: number }>(
  tx: Queryable,
  bounds: readonly FeedBounds[],
  limit: number,
  columns: string,
  which: string,
): Promise<Map<string, R[]>> {
  const rows = await tx.query<R>(
    `SELECT s.store_id, x.* FROM unnest($1::text[], $2::int8[], $3::int8[]) AS s(store_id, after, upto)
       CROSS JOIN LATERAL (
         SELECT r.feed_seq, ${columns}
           FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
          WHERE r.store_id = s.store_id AND r.feed_seq > s.after AND r.feed_seq <= s.upto AND ${which}
          ORDER BY r.feed_seq LIMIT $4) x`,
    [bounds.map((b) => b.storeId), bounds.map((b) => b.from), bounds.map((b) => b.end), limit],
  );
  const byStore = new Map<string, R[]>();
  for (const row of rows) {
    const records = byStore.get(row.store_id);
    if (records) records.push(row);
    else byStore.set(row.store_id, [row]);
  }
  for (const records of byStore.values()) records.sort((a, b) => Number(a.feed_seq) - Number(b.feed_seq));
  return byStore;
}

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
 * its end is read with the checkpoint, from the verifier's own commit of both.
 *
 * A step that fails on what a record holds (isRecordFault) is run again record by record, up to
 * the one that fails alone: it is reported (`skip`) and passed over, so the store's projection
 * never stalls on one record; the records after it go back to whole batches at the next step.
 * Any other failure (the database away) moves nothing and is retried by the caller.
 */
export async function stepFeedProjection<R extends { readonly feed_seq: number }, C>(
  db: Database,
  storeId: string,
  projection: AnyFeedProjection<R, C>,
  limit: number,
): Promise<FeedStep> {
  const steps = await stepFeedProjections(db, [storeId], projection, limit);
  return steps.get(storeId)!;
}

/**
 * One step of a projection for several stores at once, in one transaction: their checkpoint rows
 * locked in one statement (in store order, so that two instances stepping overlapping stores
 * never deadlock), their next records (at most `limit` a store) in one read, applied together,
 * their checkpoints moved in one statement. Under load a step's cost is its round trips, not its
 * records: a hundred stores stepped together cost about what one did. When a record of one of
 * them fails on what it holds, each store is stepped again alone (stepFeedProjection's
 * record-by-record isolation), so the others go on and only that record is skipped.
 */
export async function stepFeedProjections<R extends { readonly feed_seq: number }, C>(
  db: Database,
  storeIds: readonly string[],
  projection: AnyFeedProjection<R, C>,
  limit: number,
): Promise<ReadonlyMap<string, FeedStep>> {
  const run = (oneByOne: boolean) =>
    db.transaction(
      (tx) =>
        'readStores' in projection
          ? step(tx, storeIds, projection, limit, oneByOne)
          : step(tx, storeIds, ofOneStore(projection), limit, oneByOne),
      DERIVED,
    );
  try {
    return await run(false);
  } catch (error) {
    if (!isRecordFault(error)) throw error;
    if (storeIds.length === 1) return run(true);
    const steps = new Map<string, FeedStep>();
    for (const storeId of storeIds) steps.set(storeId, await stepFeedProjection(db, storeId, projection, limit));
    return steps;
  }
}

const NOTHING = { records: 0, applied: 0, skipped: 0 } as const;

async function step<R extends { readonly feed_seq: number }, C>(
  tx: Queryable,
  storeIds: readonly string[],
  projection: StoresFeedProjection<R, C>,
  limit: number,
  oneByOne: boolean,
): Promise<Map<string, FeedStep>> {
  const bounds = await lockCheckpoints(tx, projection.checkpoint, storeIds);
  const steps = new Map<string, FeedStep>(bounds.map((b) => [b.storeId, { ...NOTHING, lastSeq: b.from }]));
  const behind = bounds.filter((b) => b.end > b.from);
  if (behind.length === 0) return steps;
  const read = await projection.readStores(tx, behind, limit);
  const batches = behind.map((b) => ({ storeId: b.storeId, records: read.get(b.storeId) ?? [] })).filter((b) => b.records.length > 0);
  const done = new Map(batches.map((b) => [b.storeId, b.records.length]));
  let applied: ReadonlyMap<string, number> = new Map();
  const skipped = new Set<string>();
  if (batches.length > 0) {
    const context = await projection.prepareStores(tx, batches);
    if (!oneByOne) applied = await projection.applyStores(tx, batches, context);
    else applied = await applyOneByOne(tx, projection, batches, context, done, skipped);
  }
  const moved = behind.map((b) => {
    const records = read.get(b.storeId) ?? [];
    const n = done.get(b.storeId) ?? 0;
    // A batch read to its end covers the feed up to `end` (its other records are not the projection's).
    const lastSeq = n === records.length && records.length < limit ? b.end : Number(records[n - 1]!.feed_seq);
    steps.set(b.storeId, { records: n, applied: applied.get(b.storeId) ?? 0, lastSeq, skipped: skipped.has(b.storeId) ? 1 : 0 });
    return { storeId: b.storeId, lastSeq };
  });
  await tx.query(
    `UPDATE ${projection.checkpoint} AS p SET seq = m.seq, updated_at = now() FROM unnest($1::text[], $2::int8[]) AS m(store_id, seq)
      WHERE p.store_id = m.store_id`,
    [moved.map((m) => m.storeId), moved.map((m) => m.lastSeq)],
  );
  return steps;
}

/** Each record in a savepoint: the one that fails is undone alone and skipped, the ones before it stay; the rest wait for the next step. */
async function applyOneByOne<R extends { readonly feed_seq: number }, C>(
  tx: Queryable,
  projection: StoresFeedProjection<R, C>,
  batches: readonly StoreRecords<R>[],
  context: C,
  done: Map<string, number>,
  skipped: Set<string>,
): Promise<Map<string, number>> {
  const applied = new Map<string, number>();
  for (const { storeId, records } of batches) {
    let count = 0;
    for (const [i, record] of records.entries()) {
      await tx.query('SAVEPOINT feed_record');
      try {
        count += (await projection.applyStores(tx, [{ storeId, records: [record] }], context)).get(storeId) ?? 0;
        await tx.query('RELEASE SAVEPOINT feed_record');
      } catch (error) {
        if (!isRecordFault(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT feed_record');
        await projection.skip(tx, storeId, record, error);
        done.set(storeId, i + 1);
        skipped.add(storeId);
        break;
      }
    }
    applied.set(storeId, count);
  }
  return applied;
}

/**
 * Locks the stores' checkpoint rows (creating them at 0), in store order, and reads each store's
 * verified feed end. The end comes from the statement's snapshot: a committed prefix (the verifier
 * commits the feed's rows with its end), and never past what a later read of the feed sees.
 */
async function lockCheckpoints(tx: Queryable, checkpoint: FeedCheckpoint, storeIds: readonly string[]): Promise<FeedBounds[]> {
  const rows = await tx.query<{ store_id: string; seq: number; end_seq: number }>(
    `WITH locked AS (
       INSERT INTO ${checkpoint} AS p (store_id, seq) SELECT s.id, 0 FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n) ORDER BY s.n
       ON CONFLICT (store_id) DO UPDATE SET seq = p.seq RETURNING p.store_id, p.seq)
     SELECT l.store_id, l.seq, coalesce(v.feed_seq, 0) AS end_seq FROM locked l LEFT JOIN chain_verification v USING (store_id)`,
    [[...new Set(storeIds)].sort()],
  );
  return rows.map((r) => ({ storeId: r.store_id, from: Number(r.seq), end: Number(r.end_seq) }));
}

/** Stores whose verified feed goes past a projection's checkpoint (at start, after a lost connection). */
export async function storesBehind(db: Queryable, checkpoint: FeedCheckpoint): Promise<string[]> {
  const rows = await db.query<{ store_id: string }>(
    `SELECT v.store_id FROM chain_verification v LEFT JOIN ${checkpoint} p USING (store_id) WHERE v.feed_seq > coalesce(p.seq, 0)`,
  );
  return rows.map((r) => r.store_id);
}

/** Records a store a step of several stores reads at least: a store's share of the batch. */
const MIN_SHARE = 100;

/**
 * Keeps every store's projection up with its verified feed, on this hub instance: woken by the
 * chain verifier's notice of the store's verified feed (from this instance or another), at start
 * and after the listening connection came back; the stores due together are stepped together
 * (stepFeedProjections, each reading a share of the batch); a store whose step filled its share
 * (or skipped a record) is stepped again at once.
 */
export class FeedProjector<R extends { readonly feed_seq: number }, C> extends ProjectorLoop {
  constructor(
    db: Database,
    options: ProjectorLoopOptions & { readonly settleMs: number; readonly maxLagMs: number },
    private readonly projection: AnyFeedProjection<R, C>,
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

  protected override async stepStores(storeIds: readonly string[]): Promise<ReadonlyMap<string, StoreRun>> {
    const share = Math.max(MIN_SHARE, Math.ceil(this.batch / storeIds.length));
    const steps = await stepFeedProjections(this.db, storeIds, this.projection, share);
    return new Map([...steps].map(([storeId, step]) => [storeId, { more: step.records === share || step.skipped > 0 }]));
  }
}
