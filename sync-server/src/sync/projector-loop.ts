import type { Database } from '../db/database';
import { parseChangeNotice, SYNC_CHANNEL, type ChangeNotice } from './change-notice';

export type ProjectorLoopOptions = {
  readonly onError?: (error: unknown, storeId: string) => void;
  /** Wait before retrying a store whose step failed. */
  readonly retryMs?: number;
  /**
   * Quiet time: a store is stepped once no notice came for it for this long, so that a burst of
   * pushes is handled in one step, after the burst rather than in the middle of it.
   */
  readonly settleMs?: number;
  /** A store that never goes quiet (tills pushing all the time) is stepped at least this often. */
  readonly maxLagMs?: number;
  /** Steps run at once (each holds a database connection while it runs); default 1. */
  readonly concurrency?: number;
  /**
   * Stores one step may take together (stepStores: one transaction, one statement for all of
   * them); default 1. Under load many stores are due at once, and a step's round trips, not its
   * records, are what a step costs.
   */
  readonly group?: number;
};

/** What one run of a store did: whether another step should follow at once, and when to look again. */
export type StoreRun = {
  /** The step filled its batch (or skipped a record): the store may be behind still. */
  readonly more: boolean;
  /** Something waits on time (a grace period): run the store again after this long. */
  readonly againInMs?: number;
};

/** A store asked for: since when it has waited, when it may run, and whether that time was asked for explicitly (catch-up, retry), so later notices do not push it back. */
type Due = { readonly since: number; readonly at: number; readonly explicit: boolean };

/**
 * The schedule every checkpointed projector of the hub shares (the chain verifier, and the verified
 * feed's projections: stock, closings, fiscal/feed-projector.ts): woken by
 * the sync channel's notices of any hub instance (the database is the truth, the notice the
 * hint), at start and after the listening connection came back. A store is never stepped twice at
 * once; `concurrency` stores at a time (default one), each holding one database connection while it
 * runs, so the tills' pushes keep the pool, and under load each store's step simply covers more.
 * Several instances may run one: its checkpoint row serialises them per store.
 */
export abstract class ProjectorLoop {
  private readonly due = new Map<string, Due>();
  /** The stores being stepped, each with the run of its lane (a lane's run may hold several stores). */
  private readonly running = new Map<string, Promise<void>>();
  /** Lanes busy. */
  private lanes = 0;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(
    protected readonly db: Database,
    private readonly loop: ProjectorLoopOptions & { readonly settleMs: number; readonly maxLagMs: number },
  ) {}

  /** The store a notice concerns, when it should wake this projector. */
  protected abstract wakesOn(notice: ChangeNotice): string | null;
  /** Stores with something to do (at start, after a lost connection). */
  protected abstract storesBehind(): Promise<string[]>;
  /** One step of one store. */
  protected abstract step(storeId: string): Promise<StoreRun>;
  /**
   * One step of several stores (at most `group`), for projections that can take them together;
   * what each store's part did (a store missing from the answer is done). By default one step
   * of each, in turn.
   */
  protected async stepStores(storeIds: readonly string[]): Promise<ReadonlyMap<string, StoreRun>> {
    const runs = new Map<string, StoreRun>();
    for (const storeId of storeIds) runs.set(storeId, await this.step(storeId));
    return runs;
  }

  async start(): Promise<void> {
    this.closed = false;
    this.unlisten = await this.db.listen(
      SYNC_CHANNEL,
      (payload) => {
        const notice = parseChangeNotice(payload);
        const storeId = notice && notice.scope !== 'catalog' ? this.wakesOn(notice) : null;
        if (storeId) this.poke(storeId);
      },
      { onReconnect: () => void this.catchUp() },
    );
    await this.catchUp();
  }

  /**
   * Asks for a step of one store: after `delayMs` when given (the earlier time wins); otherwise,
   * as for a notice, once the store has been quiet for the settle time, and no later than the
   * longest lag after its first notice not yet handled.
   */
  poke(storeId: string, delayMs?: number): void {
    if (this.closed) return;
    const now = Date.now();
    const current = this.due.get(storeId);
    const since = current?.since ?? now;
    if (delayMs !== undefined) this.due.set(storeId, { since, at: Math.min(current?.at ?? Infinity, now + delayMs), explicit: true });
    else if (!current?.explicit) {
      const quiet = now + this.loop.settleMs;
      this.due.set(storeId, { since, at: Math.min(quiet, since + this.loop.maxLagMs), explicit: false });
    }
    this.schedule();
  }

  /** Resolves when nothing is running and nothing is due now (tests, shutdown). */
  async idle(): Promise<void> {
    // A run that ends starts the next due store before its promise settles: wait for those too.
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /**
   * Steps every store that is behind, without the settle time, and waits until none is (a few
   * rounds at most: pushes keep arriving on a busy hub, and the notices take it from there).
   */
  async catchUp(): Promise<void> {
    try {
      for (let round = 0; round < 5 && !this.closed; round++) {
        const behind = await this.storesBehind();
        if (behind.length === 0) return;
        for (const storeId of behind) this.poke(storeId, 0);
        await this.idle();
      }
    } catch (error) {
      this.loop.onError?.(error, '*');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.unlisten?.();
    this.unlisten = null;
    await this.idle();
    this.due.clear();
  }

  /**
   * Starts a run for the stores due now, the longest waiting first (up to `group` of them in one
   * run), while lanes are free; sets the timer for the next store due. A lane freed starts the
   * next stores due at once: lanes never wait for one another (a slow step holding one lane must
   * not stop the others under load).
   */
  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const lanes = Math.max(1, this.loop.concurrency ?? 1);
    const group = Math.max(1, this.loop.group ?? 1);
    const now = Date.now();
    while (this.lanes < lanes) {
      const picks = [...this.due]
        .filter(([storeId, { at }]) => at <= now && !this.running.has(storeId))
        .sort((a, b) => a[1].at - b[1].at)
        .slice(0, group)
        .map(([storeId]) => storeId);
      if (picks.length === 0) break;
      // Asked again while it runs: due again, after the settle time (never run twice at once).
      for (const storeId of picks) this.due.delete(storeId);
      this.lanes += 1;
      const run = this.runStores(picks).finally(() => {
        for (const storeId of picks) this.running.delete(storeId);
        this.lanes -= 1;
        this.schedule();
      });
      for (const storeId of picks) this.running.set(storeId, run);
    }
    if (this.lanes >= lanes) return; // the next run to end schedules again
    let next = Infinity;
    for (const [storeId, { at }] of this.due) if (!this.running.has(storeId)) next = Math.min(next, at);
    if (next === Infinity) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.schedule();
      },
      Math.max(0, next - now),
    );
  }

  /**
   * Steps the stores until each is up to date (those whose step filled its batch go on together);
   * on a failure (the database away) reports it once and tries them again after `retryMs`.
   */
  private async runStores(storeIds: readonly string[]): Promise<void> {
    let left = storeIds;
    try {
      while (left.length > 0 && !this.closed) {
        const runs = left.length === 1 ? new Map([[left[0]!, await this.step(left[0]!)]]) : await this.stepStores(left);
        const more: string[] = [];
        for (const storeId of left) {
          const run = runs.get(storeId);
          if (run?.more) more.push(storeId);
          else if (run?.againInMs !== undefined) this.poke(storeId, run.againInMs);
        }
        left = more;
      }
    } catch (error) {
      this.loop.onError?.(error, left.join(', '));
      for (const storeId of left) this.poke(storeId, this.loop.retryMs ?? 1000);
    }
  }
}
