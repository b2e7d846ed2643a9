import type { Database, Queryable } from '../db/database';
import type { ChangeNotice } from '../sync/change-notice';
import { ProjectorLoop, type ProjectorLoopOptions, type StoreRun } from '../sync/projector-loop';
import { defaultSignatureThreads, SignaturePool } from './signature-pool';
import { RECORD_COLLECTIONS } from './stored-records';
import { DEFAULT_GRACE_MS, VERIFY_BATCH, verifyStoreChains, type ReadAhead, type VerifyOptions } from './verify-store';

/** Default quiet time: at a calm store, verification (and so stock) lags pushes by about this much. */
export const DEFAULT_VERIFY_SETTLE_MS = 250;
/** Default longest lag of a store's verification behind its pushes while pushes keep coming. */
export const DEFAULT_VERIFY_MAX_LAG_MS = 1000;
/** Stores verified at once by default: one store's database round trips overlap another's signatures. */
export const DEFAULT_VERIFY_CONCURRENCY = 8;

export type ChainVerifierOptions = ProjectorLoopOptions &
  VerifyOptions & {
    /** Threads verifying Ed25519 signatures (default: the cores but one, 1 to 4); 0 verifies them on the event loop. */
    readonly signatureThreads?: number;
  };

/** Stores with sales or till records the verifier has not read yet. */
export async function storesWithUnreadRecords(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ store_id: string }>(
    `SELECT c.store_id FROM store_counters c LEFT JOIN chain_verification v USING (store_id)
      WHERE EXISTS (SELECT 1 FROM store_docs d WHERE d.store_id = c.store_id AND d.collection IN ('sales', 'till_records') AND d.seq > coalesce(v.seq, 0))`,
  );
  return rows.map((r) => r.store_id);
}

/**
 * The hub's verification of every chain it receives, off the push path: woken by the `sales`
 * and `till_records` notices of any hub instance (once the store has been quiet for the settle
 * time, at most the longest lag after its first push), at start and after a lost LISTEN
 * connection; and again when a grace period ends (a gap, a key, an anchor waiting). Each step
 * feeds the store's verified records to the projections that follow it (stock…).
 */
export class ChainVerifier extends ProjectorLoop {
  private readonly graceMs: number;
  private pool: SignaturePool | null = null;
  /** Each store's next batch, read while its last step worked. */
  private readonly ahead = new Map<string, ReadAhead>();
  private readonly verify: VerifyOptions;

  constructor(
    db: Database,
    private readonly options: ChainVerifierOptions = {},
  ) {
    super(db, {
      ...options,
      settleMs: options.settleMs ?? DEFAULT_VERIFY_SETTLE_MS,
      maxLagMs: options.maxLagMs ?? DEFAULT_VERIFY_MAX_LAG_MS,
      concurrency: options.concurrency ?? DEFAULT_VERIFY_CONCURRENCY,
    });
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    const { signatureThreads: _threads, ...verify } = options;
    this.verify = verify;
  }

  override async close(): Promise<void> {
    await super.close();
    this.ahead.clear();
    await this.pool?.close();
    this.pool = null;
  }

  override async start(): Promise<void> {
    if (!this.verify.signatures && this.options.signatureThreads !== 0) {
      this.pool ??= new SignaturePool(this.options.signatureThreads ?? defaultSignatureThreads());
    }
    await super.start();
    try {
      // Stores whose waiting records' grace has not ended yet: looked at again when it does.
      const rows = await this.db.query<{ store_id: string; since: string | Date }>(
        `SELECT store_id, min(since) AS since FROM (
           SELECT store_id, first_seen AS since FROM chain_pending
           UNION ALL SELECT store_id, anchored_at FROM chain_anchors WHERE status = 'waiting'
         ) w GROUP BY store_id`,
      );
      const now = this.now();
      for (const row of rows) this.poke(row.store_id, Math.max(0, new Date(row.since).getTime() + this.graceMs - now));
    } catch (error) {
      // As for a catch-up: reported, and the notices take it from there.
      this.options.onError?.(error, '*');
    }
  }

  protected wakesOn(notice: ChangeNotice): string | null {
    return (RECORD_COLLECTIONS as readonly string[]).includes(notice.collection) ? notice.scope : null;
  }

  /** Stores with records past their checkpoint, or whose waiting records' grace period has ended. */
  protected async storesBehind(): Promise<string[]> {
    const expired = new Date(this.now() - this.graceMs).toISOString();
    const unread = await storesWithUnreadRecords(this.db);
    const rows = await this.db.query<{ store_id: string }>(
      `SELECT c.store_id FROM store_counters c
        WHERE EXISTS (SELECT 1 FROM chain_pending p WHERE p.store_id = c.store_id AND p.first_seen <= $1)
           OR EXISTS (SELECT 1 FROM chain_anchors a WHERE a.store_id = c.store_id AND a.status = 'waiting' AND a.anchored_at <= $1
                        AND NOT EXISTS (SELECT 1 FROM chain_heads h WHERE h.store_id = a.store_id AND h.till_id = a.till_id AND h.chain = a.chain
                                           AND h.epoch = a.epoch AND h.seq >= a.seq))`,
      [expired],
    );
    return [...new Set([...unread, ...rows.map((r) => r.store_id)])];
  }

  protected async step(storeId: string): Promise<StoreRun> {
    const options = { ...this.verify, ...(this.pool ? { signatures: this.pool } : {}) };
    const ahead = this.ahead.get(storeId);
    this.ahead.delete(storeId);
    const step = await verifyStoreChains(this.db, storeId, options, VERIFY_BATCH, ahead);
    if (step.readAhead) this.ahead.set(storeId, step.readAhead);
    return { more: step.read === VERIFY_BATCH, ...(step.againInMs === undefined ? {} : { againInMs: step.againInMs }) };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
