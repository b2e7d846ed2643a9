import type { Database, Queryable } from '../db/database';
import { VERIFIED_FEED, verifiedFeedEnd } from '../fiscal/verified-feed';
import { recordIncidents } from '../sync/incidents';
import { lockCounter } from '../sync/document-table';
import type { ChangeNotice } from '../sync/change-notice';
import type { PlannedIncident } from '../sync/policy-outcome';
import { ProjectorLoop, type ProjectorLoopOptions, type StoreRun } from '../sync/projector-loop';
import { isRecordFault } from '../sync/record-faults';
import { movementsOfSales } from './sale-movements';
import { recordStockMovements } from './stock-ledger';
import { recordUnprojectableSale } from './unprojectable-sale';

/** Sales read per projection transaction: large enough to sum many sales into one level update. */
export const PROJECTION_BATCH = 2000;

/** `skipped`: sales that could not be applied, reported as incidents and passed over. */
export type ProjectionStep = { readonly sales: number; readonly movements: number; readonly lastSeq: number; readonly skipped: number };

type StoredSale = {
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
 * `stock_levels` documents, and moves the checkpoint, in one transaction. A sale from a broken
 * chain, or whose arithmetic failed, never enters the feed, so it never moves stock. The
 * checkpoint row serialises the projectors of the store (one per hub instance). The feed read is
 * a committed prefix: its numbers are given under the verifier's checkpoint row lock, committed
 * with the verifier's own checkpoint, which is read first. The counter lock (the one every
 * writer of the store takes first) is taken only for the writes, so the store's pushes wait for
 * the ledger's writes, not for the reading. Movement ids are idempotent: even a step run twice
 * would count each line once.
 *
 * A step that fails on what a sale holds (isRecordFault: a level out of range…) is run again
 * sale by sale, up to the one that fails alone: that one is reported (`unprojectable_sale`) and
 * skipped, so the store's projection never stalls on one record. Any other failure (the database
 * away) moves nothing and is retried.
 */
export async function projectStoreStock(db: Database, storeId: string, limit = PROJECTION_BATCH): Promise<ProjectionStep> {
  try {
    return await db.transaction((tx) => projectSales(tx, storeId, limit, false));
  } catch (error) {
    if (!isRecordFault(error)) throw error;
    return db.transaction((tx) => projectSales(tx, storeId, limit, true));
  }
}

async function projectSales(tx: Queryable, storeId: string, limit: number, oneByOne: boolean): Promise<ProjectionStep> {
  const from = await lockCheckpoint(tx, storeId);
  const end = await verifiedFeedEnd(tx, storeId);
  if (end <= from) return { sales: 0, movements: 0, lastSeq: from, skipped: 0 };
  // Only the sealed lines travel back from the database, not the whole sale.
  const sales = await tx.query<StoredSale>(
    `SELECT d.id, d.seq, r.feed_seq, d.doc #> '{record,payload,lines}' AS lines, d.doc #> '{record,payload,kind}' AS kind,
            d.doc #> '{record,payload,training}' AS training, d.till_id
       FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
      WHERE r.store_id = $1 AND r.feed_seq > $2 AND r.feed_seq <= $3 AND r.collection = 'sales'
      ORDER BY r.feed_seq LIMIT $4`,
    [storeId, from, end, limit],
  );
  let done = sales.length;
  let movements = 0;
  let skipped = 0;
  if (sales.length > 0) await lockCounter(tx, { kind: 'store', storeId });
  if (sales.length > 0 && !oneByOne) movements = await applySales(tx, storeId, sales);
  else if (sales.length > 0) {
    for (const [i, sale] of sales.entries()) {
      // Each sale in a savepoint: the one that fails is undone alone, the ones before it stay.
      await tx.query('SAVEPOINT projection_sale');
      try {
        movements += await applySales(tx, storeId, [sale]);
        await tx.query('RELEASE SAVEPOINT projection_sale');
      } catch (error) {
        if (!isRecordFault(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT projection_sale');
        await recordUnprojectableSale(tx, storeId, sale, error);
        // The sales after it go back to whole batches at the next step.
        done = i + 1;
        skipped = 1;
        break;
      }
    }
  }
  // A batch read to its end covers the feed up to `end` (its other records are not sales).
  const lastSeq = done === sales.length && sales.length < limit ? end : sales[done - 1]!.feed_seq;
  await tx.query('UPDATE stock_projection SET seq = $2, updated_at = now() WHERE store_id = $1', [storeId, lastSeq]);
  return { sales: done, movements, lastSeq, skipped };
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

async function lockCheckpoint(tx: Queryable, storeId: string): Promise<number> {
  const [row] = await tx.query<{ seq: number }>(
    'INSERT INTO stock_projection AS p (store_id, seq) VALUES ($1, 0) ON CONFLICT (store_id) DO UPDATE SET seq = p.seq RETURNING p.seq',
    [storeId],
  );
  return row?.seq ?? 0;
}

/** Stores whose verified feed goes past their projection checkpoint (at start, after a lost connection). */
export async function storesBehind(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ store_id: string }>(
    'SELECT v.store_id FROM chain_verification v LEFT JOIN stock_projection p USING (store_id) WHERE v.feed_seq > coalesce(p.seq, 0)',
  );
  return rows.map((r) => r.store_id);
}

/**
 * Default quiet time: none. The stock projector follows the verified feed, and the chain verifier
 * already waits for a burst of pushes to end (its own quiet time) and steps through it in large
 * batches: each verification step that fed sales is projected at once.
 */
export const DEFAULT_SETTLE_MS = 0;
/** Default longest lag behind the feed (with a quiet time of its own). */
export const DEFAULT_MAX_LAG_MS = 5000;

/**
 * Keeps every store's stock up with its verified sales, on this hub instance: woken by the chain
 * verifier's notice of the store's verified feed (from this instance or another), at start and
 * after the listening connection came back.
 */
export class StockProjector extends ProjectorLoop {
  constructor(db: Database, options: ProjectorLoopOptions = {}) {
    super(db, { ...options, settleMs: options.settleMs ?? DEFAULT_SETTLE_MS, maxLagMs: options.maxLagMs ?? DEFAULT_MAX_LAG_MS });
  }

  protected wakesOn(notice: ChangeNotice): string | null {
    return notice.collection === VERIFIED_FEED ? notice.scope : null;
  }

  protected storesBehind(): Promise<string[]> {
    return storesBehind(this.db);
  }

  protected async step(storeId: string): Promise<StoreRun> {
    const step = await projectStoreStock(this.db, storeId);
    return { more: step.sales === PROJECTION_BATCH || step.skipped > 0 };
  }
}
