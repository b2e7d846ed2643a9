import type { Database, Queryable } from '../db/database';
import { recordIncidents } from '../sync/incidents';
import { lockCounter } from '../sync/document-table';
import { parseChangeNotice, SYNC_CHANNEL } from '../sync/change-notice';
import type { PlannedIncident } from '../sync/policy-outcome';
import { isRecordFault } from '../sync/record-faults';
import { movementsOfSales } from './sale-movements';
import { recordStockMovements } from './stock-ledger';
import { recordUnprojectableSale } from './unprojectable-sale';

/** Sales read per projection transaction: large enough to sum many sales into one level update. */
export const PROJECTION_BATCH = 2000;

/** `skipped`: sales that could not be applied, reported as incidents and passed over. */
export type ProjectionStep = { readonly sales: number; readonly movements: number; readonly lastSeq: number; readonly skipped: number };

type StoredSale = { readonly id: string; readonly seq: number; readonly lines: unknown; readonly till_id: string | null };

/**
 * Turns the next sales of one store (after its checkpoint) into stock movements, levels and
 * `stock_levels` documents, and moves the checkpoint, in one transaction. The checkpoint row
 * serialises the projectors of the store (one per hub instance). The sales read are a committed
 * prefix of the store's sequence: a writer takes its numbers under the store's counter row lock
 * and commits before releasing it, so nothing can commit later under a lower number. The
 * counter lock itself (the one every writer of the store takes first) is taken only for the
 * writes, so the store's pushes wait for the ledger's writes, not for the reading. Movement ids
 * are idempotent: even a step run twice would count each line once.
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
  // Only the sealed lines travel back from the database, not the whole sale.
  const sales = await tx.query<StoredSale>(
    `SELECT id, seq, doc #> '{record,payload,lines}' AS lines, till_id FROM store_docs WHERE store_id = $1 AND collection = 'sales' AND seq > $2 AND NOT deleted ORDER BY seq LIMIT $3`,
    [storeId, from, limit],
  );
  if (sales.length === 0) return { sales: 0, movements: 0, lastSeq: from, skipped: 0 };
  await lockCounter(tx, { kind: 'store', storeId });
  let done = sales.length;
  let movements = 0;
  let skipped = 0;
  if (!oneByOne) movements = await applySales(tx, storeId, sales);
  else {
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
  const lastSeq = sales[done - 1]!.seq;
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

/** Stores whose sales go past their projection checkpoint (at start, after a lost connection). */
export async function storesBehind(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ store_id: string }>(
    `SELECT c.store_id FROM store_counters c LEFT JOIN stock_projection p USING (store_id)
      WHERE EXISTS (SELECT 1 FROM store_docs d WHERE d.store_id = c.store_id AND d.collection = 'sales' AND d.seq > coalesce(p.seq, 0))`,
  );
  return rows.map((r) => r.store_id);
}

export type StockProjectorOptions = {
  readonly onError?: (error: unknown, storeId: string) => void;
  /** Wait before retrying a store whose projection failed. */
  readonly retryMs?: number;
  /**
   * Quiet time: a store is projected once no sales notice came for this long, so that a burst
   * of pushes is projected in one step (one level update and one stock_levels document per
   * product, not one per push), after the burst rather than in the middle of it.
   */
  readonly settleMs?: number;
  /** A store that never goes quiet (tills pushing all the time) is projected at least this often. */
  readonly maxLagMs?: number;
};

/** Default quiet time: at a calm store, stock at the other tills lags sales by about this much. */
export const DEFAULT_SETTLE_MS = 1000;
/** Default longest lag of a store's stock behind its sales while sales keep coming. */
export const DEFAULT_MAX_LAG_MS = 5000;

/** A store asked for: since when it has waited, when it may run, and whether that time was asked for explicitly (catch-up, retry), so later notices do not push it back. */
type Due = { readonly since: number; readonly at: number; readonly explicit: boolean };

/**
 * Keeps every store's stock up with its sales, on this hub instance. Woken by the sync channel's
 * notices for `sales` (from this instance or another: the database is the truth, the notice the
 * hint), at start and after the listening connection came back. One store at a time: the
 * projector holds at most one database connection, so the tills' pushes keep the pool, and under
 * load each store's step simply covers more sales. Several instances may run it: the checkpoint
 * row serialises them per store.
 */
export class StockProjector {
  private readonly due = new Map<string, Due>();
  private working: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly options: StockProjectorOptions = {},
  ) {}

  async start(): Promise<void> {
    this.closed = false;
    this.unlisten = await this.db.listen(
      SYNC_CHANNEL,
      (payload) => {
        const notice = parseChangeNotice(payload);
        if (notice && notice.collection === 'sales' && notice.scope !== 'catalog') this.poke(notice.scope);
      },
      { onReconnect: () => void this.catchUp() },
    );
    await this.catchUp();
  }

  /**
   * Asks for the projection of one store: after `delayMs` when given (the earlier time wins);
   * otherwise, as for a sales notice, once the store has been quiet for the settle time, and no
   * later than the longest lag after its first unprojected notice.
   */
  poke(storeId: string, delayMs?: number): void {
    if (this.closed) return;
    const now = Date.now();
    const current = this.due.get(storeId);
    const since = current?.since ?? now;
    if (delayMs !== undefined) this.due.set(storeId, { since, at: Math.min(current?.at ?? Infinity, now + delayMs), explicit: true });
    else if (!current?.explicit) {
      const quiet = now + (this.options.settleMs ?? DEFAULT_SETTLE_MS);
      this.due.set(storeId, { since, at: Math.min(quiet, since + (this.options.maxLagMs ?? DEFAULT_MAX_LAG_MS)), explicit: false });
    }
    this.schedule();
  }

  /** Resolves when nothing is running and nothing is due now (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.working) await this.working;
  }

  /**
   * Projects every store that is behind, without the settle time, and waits until none is (a few
   * rounds at most: sales keep arriving on a busy hub, and the notices take it from there).
   */
  async catchUp(): Promise<void> {
    try {
      for (let round = 0; round < 5 && !this.closed; round++) {
        const behind = await storesBehind(this.db);
        if (behind.length === 0) return;
        for (const storeId of behind) this.poke(storeId, 0);
        await this.idle();
      }
    } catch (error) {
      this.options.onError?.(error, '*');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.unlisten?.();
    this.unlisten = null;
    await this.idle();
  }

  /** Starts the worker if a store is due now, or sets the timer for the next one. */
  private schedule(): void {
    if (this.working || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let next = Infinity;
    for (const { at } of this.due.values()) next = Math.min(next, at);
    if (next === Infinity) return;
    const wait = next - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, wait);
      return;
    }
    this.working = this.work().finally(() => {
      this.working = null;
      this.schedule();
    });
  }

  private async work(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const ready = [...this.due].filter(([, d]) => d.at <= now).sort((a, b) => a[1].at - b[1].at);
      if (ready.length === 0 || this.closed) return;
      for (const [storeId] of ready) {
        if (this.closed) return;
        // Asked again while it runs: due again, after the settle time.
        this.due.delete(storeId);
        if (!(await this.runStore(storeId))) this.poke(storeId, this.options.retryMs ?? 1000);
      }
    }
  }

  /** False when the database failed us: the store is tried again after `retryMs`. */
  private async runStore(storeId: string): Promise<boolean> {
    try {
      let step: ProjectionStep;
      do step = await projectStoreStock(this.db, storeId);
      while ((step.sales === PROJECTION_BATCH || step.skipped > 0) && !this.closed);
      return true;
    } catch (error) {
      this.options.onError?.(error, storeId);
      return false;
    }
  }
}
