import type { Database, Queryable } from '../db/database';
import { FeedProjector, readFeedOfStores, stepFeedProjection, type StoresFeedProjection } from '../fiscal/feed-projector';
import { recordIncidents } from '../sync/incidents';
import type { PlannedIncident } from '../sync/policy-outcome';
import type { ProjectorLoopOptions } from '../sync/projector-loop';
import { movementsOfSales } from './sale-movements';
import { recordStockMovements } from './stock-ledger';
import { recordUnprojectableSale } from './unprojectable-sale';

/** Sales read per projection transaction: large enough to sum many sales into one level update. */
export const PROJECTION_BATCH = 2000;

/** `skipped`: sales that could not be applied, reported as incidents and passed over. */
export type ProjectionStep = { readonly sales: number; readonly movements: number; readonly lastSeq: number; readonly skipped: number };

type StoredSale = {
  readonly store_id: string;
  readonly id: string;
  readonly seq: number;
  readonly feed_seq: number;
  readonly lines: unknown;
  /** The sealed sale's `kind` and `training` (version 1; absent on version 0 sales): as stored, read warily. */
  readonly kind: unknown;
  readonly training: unknown;
  readonly till_id: string | null;
};

/**
 * Turns the next verified sales of one store (after its checkpoint on the store's verified feed,
 * chain_records.feed_seq: the chain verifier's output) into stock movements, levels and
 * `stock_levels` documents, and moves the checkpoint, in one transaction (stepFeedProjection). A
 * sale from a broken chain, or whose arithmetic failed, never enters the feed, so it never moves
 * stock. The counter lock (the one every writer of the store takes first) is taken only for the
 * writes, so the store's pushes wait for the ledger's writes, not for the reading. Movement ids
 * are idempotent: even a step run twice would count each line once. A sale that fails alone on
 * what it holds (a level out of range…) is reported (`unprojectable_sale`) and skipped.
 */
export async function projectStoreStock(db: Database, storeId: string, limit = PROJECTION_BATCH): Promise<ProjectionStep> {
  const step = await stepFeedProjection(db, storeId, STOCK_PROJECTION, limit);
  return { sales: step.records, movements: step.applied, lastSeq: step.lastSeq, skipped: step.skipped };
}

const STOCK_PROJECTION: StoresFeedProjection<StoredSale, void> = {
  checkpoint: 'stock_projection',
  // Only the sealed lines travel back from the database, not the whole sale.
  readStores: (tx, bounds, limit) =>
    readFeedOfStores<StoredSale>(
      tx,
      bounds,
      limit,
      `d.id, d.seq, d.doc #> '{record,payload,lines}' AS lines, d.doc #> '{record,payload,kind}' AS kind,
       d.doc #> '{record,payload,training}' AS training, d.till_id`,
      `r.collection = 'sales'`,
    ),
  prepareStores: (tx, batches) =>
    lockStoreCounters(
      tx,
      batches.map((b) => b.storeId),
    ),
  applyStores: async (tx, batches) => {
    const applied = new Map<string, number>();
    for (const { storeId, records } of batches) applied.set(storeId, await applySales(tx, storeId, records));
    return applied;
  },
  skip: (tx, storeId, sale, error) => recordUnprojectableSale(tx, storeId, sale, error),
};

/**
 * The counter locks of the stores (lockCounter's, the one every writer of a store takes first), in
 * one statement and in store order, as every writer taking two stores' locks does (stock transfers):
 * never a deadlock.
 */
async function lockStoreCounters(tx: Queryable, storeIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO store_counters AS c (store_id, seq) SELECT s.id, 0 FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n) ORDER BY s.n
     ON CONFLICT (store_id) DO UPDATE SET seq = c.seq`,
    [[...new Set(storeIds)].sort()],
  );
}

/** Movements, levels and level documents of `sales`, with an incident per unreadable line; the number of movements. */
async function applySales(tx: Queryable, storeId: string, sales: readonly StoredSale[]): Promise<number> {
  const { movements, unreadable } = movementsOfSales(sales);
  // An unreadable line is flagged for head office, never a reason to hold back the others.
  const tillOf = new Map(sales.map((s) => [s.id, s.till_id ?? '']));
  const byTill = new Map<string, PlannedIncident[]>();
  for (const u of unreadable) {
    const till = tillOf.get(u.saleId) ?? '';
    byTill.set(till, [
      ...(byTill.get(till) ?? []),
      {
        kind: 'unreadable_sale_line',
        docId: u.saleId,
        details: { line: u.index, message: `No stock movement for this line: ${u.reason}` },
      },
    ]);
  }
  for (const [till, incidents] of byTill) await recordIncidents(tx, storeId, till, 'sales', incidents);
  await recordStockMovements(tx, storeId, movements);
  return movements.length;
}

/**
 * Default quiet time: a second. The stock projector follows the verified feed, whose notices come
 * once a verification step (about a second apart at a busy store): at a calm store, stock follows
 * a second after verification; at a busy one, every DEFAULT_MAX_LAG_MS, in one step for all its
 * sales meanwhile. Under hundreds of tills a step each notice would take the CPU the dashboard's
 * projection needs, for levels nobody reads within seconds.
 */
export const DEFAULT_SETTLE_MS = 1000;
/** Default longest lag behind the feed (with a quiet time of its own). */
export const DEFAULT_MAX_LAG_MS = 5000;
/** Steps at once by default. */
export const DEFAULT_STOCK_CONCURRENCY = 2;
/**
 * Stores a step takes together at most by default (as the reports, REPORTING_GROUP); a step of
 * several holds the counter lock of each of its stores (their pushes wait for its writes).
 */
export const STOCK_GROUP = 1;

/**
 * Keeps every store's stock up with its verified sales, on this hub instance: woken by the chain
 * verifier's notice of the store's verified feed (from this instance or another), at start and
 * after the listening connection came back.
 */
export class StockProjector extends FeedProjector<StoredSale, void> {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    super(
      db,
      {
        ...options,
        settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
        maxLagMs: options.maxLagMs ?? DEFAULT_MAX_LAG_MS,
        concurrency: options.concurrency ?? DEFAULT_STOCK_CONCURRENCY,
        group: options.group ?? STOCK_GROUP,
      },
      STOCK_PROJECTION,
      PROJECTION_BATCH,
    );
  }
}
