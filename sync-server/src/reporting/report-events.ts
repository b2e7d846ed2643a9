import type { Database } from '../db/database';
import { parseChangeNotice, SYNC_CHANNEL } from '../sync/change-notice';
import { REPORTS_CHANGED } from './reporting-projector';

/** One live dashboard: the stores it follows (null: every store), what it is told, and how it is ended. */
export type ReportListener = {
  /** Who holds it (a user id): a holder past MAX_LISTENERS_PER_HOLDER loses its oldest. */
  readonly holder: string;
  /** The office session it was opened with (its token hash): it ends once the session is no longer valid. */
  readonly session?: string;
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

/** Which of these sessions (token hashes) are still valid: signed out, revoked, expired or a disabled user's are not. */
export type LiveSessions = (tokenHashes: readonly string[]) => Promise<ReadonlySet<string>>;

/**
 * The reports' change notices (REPORTS_CHANGED, sent by the reporting projector of any hub
 * instance once its step committed) fanned out to this instance's live dashboards, each told only
 * of the stores it follows. One LISTEN for them all; a heartbeat keeps idle connections open
 * through proxies, and with it one lookup of the dashboards' sessions ends those whose session
 * ended (sign-out everywhere, a disabled user, a password reset, expiry): the page reconnects and
 * is refused.
 */
export class ReportEvents {
  private readonly listeners: ReportListener[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private checking = false;

  constructor(
    private readonly db: Database,
    private readonly heartbeatMs = 15_000,
    private readonly liveSessions?: LiveSessions,
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
    this.timer = setInterval(() => {
      this.listeners.forEach((l) => l.heartbeat());
      void this.endLapsedSessions();
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** Ends the live dashboards whose session is no longer valid (one check at a time; a failed one ends none). */
  private async endLapsedSessions(): Promise<void> {
    const sessions = this.listeners.flatMap((l) => (l.session === undefined ? [] : [l.session]));
    if (!this.liveSessions || this.checking || sessions.length === 0) return;
    this.checking = true;
    try {
      const alive = await this.liveSessions(sessions);
      for (const lapsed of this.listeners.filter((l) => l.session !== undefined && !alive.has(l.session))) {
        this.remove(lapsed);
        lapsed.close('the session ended: sign in again');
      }
    } catch {
      // The database is away: the listening connection's own recovery tells the dashboards (resync).
    } finally {
      this.checking = false;
    }
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
