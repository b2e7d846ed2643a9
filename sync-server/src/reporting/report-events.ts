import type { Database } from '../db/database';
import { parseChangeNotice, SYNC_CHANNEL } from '../sync/change-notice';
import { REPORTS_CHANGED } from './reporting-projector';

/** One live dashboard: the stores it follows (null: every store), what it is told, and how it is ended. */
export type ReportListener = {
  /** Who holds it (a user id): a holder past MAX_LISTENERS_PER_HOLDER loses its oldest. */
  readonly holder: string;
  readonly stores: ReadonlySet<string> | null;
  /** A store's reports changed (a projection step counted sales in it). */
  changed(storeId: string): void;
  /** Notices may have been lost (the listening connection came back): read everything again. */
  resync(): void;
  heartbeat(): void;
  close(reason: string): void;
};

/** Live dashboards one user may hold on this instance (tabs, a wall screen): a new one past it ends the oldest. */
export const MAX_LISTENERS_PER_HOLDER = 8;

/**
 * The reports' change notices (REPORTS_CHANGED, sent by the reporting projector of any hub
 * instance once its step committed) fanned out to this instance's live dashboards, each told only
 * of the stores it follows. One LISTEN for them all; a heartbeat keeps idle connections open
 * through proxies.
 */
export class ReportEvents {
  private readonly listeners: ReportListener[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: Database,
    private readonly heartbeatMs = 15_000,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(
      SYNC_CHANNEL,
      (payload) => {
        const notice = parseChangeNotice(payload);
        if (notice?.collection !== REPORTS_CHANGED) return;
        for (const l of this.listeners) if (l.stores === null || l.stores.has(notice.scope)) l.changed(notice.scope);
      },
      { onReconnect: () => this.listeners.forEach((l) => l.resync()) },
    );
    this.timer = setInterval(() => this.listeners.forEach((l) => l.heartbeat()), this.heartbeatMs);
    this.timer.unref();
  }

  get size(): number {
    return this.listeners.length;
  }

  /** Adds a live dashboard; resolves to its removal (call it when its connection closed). */
  add(listener: ReportListener): () => void {
    const held = this.listeners.filter((l) => l.holder === listener.holder);
    if (held.length >= MAX_LISTENERS_PER_HOLDER) {
      this.remove(held[0]!);
      held[0]!.close(`closed: more than ${MAX_LISTENERS_PER_HOLDER} live dashboards of this user`);
    }
    this.listeners.push(listener);
    return () => this.remove(listener);
  }

  private remove(listener: ReportListener): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }

  /** Ends every live dashboard (shutdown) and stops listening. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const l of this.listeners.splice(0)) l.close('the hub is shutting down');
    await this.unlisten?.();
    this.unlisten = null;
  }
}
