import type { Database, Queryable } from '../db/database';
import { recordIncidents } from '../sync/incidents';
import { lockCounter } from '../sync/document-table';
import { parseChangeNotice, SYNC_CHANNEL } from '../sync/change-notice';
import type { PlannedIncident } from '../sync/policy-outcome';
import { movementsOfSales } from './sale-movements';
import { recordStockMovements } from './stock-ledger';

/** Sales read per projection transaction: large enough to sum many sales into one level update. */
export const PROJECTION_BATCH = 2000;

export type ProjectionStep = { readonly sales: number; readonly movements: number; readonly lastSeq: number };

/**
 * Turns the next sales of one store (after its checkpoint) into stock movements, levels and
 * `stock_levels` documents, and moves the checkpoint, in one transaction. It takes the store's
 * counter row first, as every writer of the store does (one lock order, no deadlock), which also
 * means the sales it reads are a committed prefix: nothing can commit under a lower sequence
 * later. Movement ids are idempotent, so even a step run twice would count each line once.
 */
export async function projectStoreStock(db: Database, storeId: string, limit = PROJECTION_BATCH): Promise<ProjectionStep> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, { kind: 'store', storeId });
    const from = await lockCheckpoint(tx, storeId);
    // Only the sealed lines travel back from the database, not the whole sale.
    const sales = await tx.query<{ id: string; seq: number; lines: unknown; till_id: string | null }>(
      `SELECT id, seq, doc #> '{record,payload,lines}' AS lines, till_id FROM store_docs WHERE store_id = $1 AND collection = 'sales' AND seq > $2 AND NOT deleted ORDER BY seq LIMIT $3`,
      [storeId, from, limit],
    );
    const last = sales.at(-1);
    if (!last) return { sales: 0, movements: 0, lastSeq: from };
    const { movements, unreadable } = movementsOfSales(sales.map((s) => ({ id: s.id, content: { record: { payload: { lines: s.lines } } } })));
    // An unreadable line is flagged for head office, never a reason to hold back the others.
    const tillOf = new Map(sales.map((s) => [s.id, s.till_id ?? '']));
    const byTill = new Map<string, PlannedIncident[]>();
    for (const u of unreadable) {
      const till = tillOf.get(u.saleId) ?? '';
      byTill.set(till, [
        ...(byTill.get(till) ?? []),
        { kind: 'unreadable_sale_line', docId: u.saleId, details: { line: u.index, message: `No stock movement for this line: ${u.reason}` } },
      ]);
    }
    for (const [till, incidents] of byTill) await recordIncidents(tx, storeId, till, 'sales', incidents);
    await recordStockMovements(tx, storeId, movements);
    await tx.query('UPDATE stock_projection SET seq = $2, updated_at = now() WHERE store_id = $1', [storeId, last.seq]);
    return { sales: sales.length, movements: movements.length, lastSeq: last.seq };
  });
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
   * Wait after a sales notice before projecting, so that a burst of pushes is projected in one
   * step: one level update and one stock_levels document per product, not one per push.
   */
  readonly settleMs?: number;
};

/** Default settle time: stock at the other tills lags sales by about this much, the pushes stay cheap. */
export const DEFAULT_SETTLE_MS = 1000;

/**
 * Keeps every store's stock up with its sales, on this hub instance. Woken by the sync channel's
 * notices for `sales` (from this instance or another: the database is the truth, the notice the
 * hint), at start and after the listening connection came back. Several instances may run it:
 * the checkpoint row serialises them per store.
 */
export class StockProjector {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
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
   * Asks for the projection of one store after `delayMs` (the settle time by default). Asks
   * coalesce: one run at a time per store, one more if asked meanwhile, one timer per store.
   */
  poke(storeId: string, delayMs = this.options.settleMs ?? DEFAULT_SETTLE_MS): void {
    if (this.closed) return;
    if (this.running.has(storeId)) {
      this.again.add(storeId);
      return;
    }
    const pending = this.timers.get(storeId);
    if (pending && delayMs > 0) return;
    if (pending) clearTimeout(pending);
    this.timers.delete(storeId);
    if (delayMs > 0) {
      this.timers.set(
        storeId,
        setTimeout(() => {
          this.timers.delete(storeId);
          this.poke(storeId, 0);
        }, delayMs),
      );
      return;
    }
    const run = this.runStore(storeId).then((ok) => {
      this.running.delete(storeId);
      const again = this.again.delete(storeId);
      if (!ok) this.poke(storeId, this.options.retryMs ?? 1000);
      else if (again) this.poke(storeId);
    });
    this.running.set(storeId, run);
  }

  /** Resolves when no projection is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
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
        for (const storeId of behind) {
          await this.running.get(storeId);
          this.poke(storeId, 0);
        }
        await this.idle();
      }
    } catch (error) {
      this.options.onError?.(error, '*');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.unlisten?.();
    this.unlisten = null;
    await this.idle();
  }

  /** False when the database failed us: the store is tried again after `retryMs`. */
  private async runStore(storeId: string): Promise<boolean> {
    try {
      let step: ProjectionStep;
      do step = await projectStoreStock(this.db, storeId);
      while (step.sales === PROJECTION_BATCH && !this.closed);
      return true;
    } catch (error) {
      this.options.onError?.(error, storeId);
      return false;
    }
  }
}
