import type { Database } from '../db/database';
import { OFFICE_SESSIONS_CHANNEL, parseSessionsEnded } from '../office/session-notice';
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
 * of the stores it follows. One LISTEN for them all (and one for the sessions'); a heartbeat keeps idle connections open
 * through proxies, and with it one lookup of the dashboards' sessions ends those whose session
 * ended (expiry, idleness): the page reconnects and is refused. Sessions ended on purpose (sign-out,
 * a changed role or stores, a disabled user, a password reset) are announced (session-notice.ts):
 * that user's dashboards are held at once, their notices kept back, until the same lookup ends them
 * or lets them go on. The stores a dashboard follows were the user's when it opened: a store taken
 * from them is never told once the change has committed.
 */
export class ReportEvents {
  private readonly listeners: ReportListener[] = [];
  /** Dashboards whose session is being looked at again: the stores they were not told yet, and which lookup let them go. */
  private readonly held = new Map<ReportListener, { readonly stores: Set<string>; readonly lookup: number }>();
  private lookups = 0;
  private readonly unlisten: (() => Promise<void>)[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private checking = false;

  constructor(
    private readonly db: Database,
    private readonly heartbeatMs = 15_000,
    private readonly liveSessions?: LiveSessions,
  ) {}

  async start(): Promise<void> {
    this.unlisten.push(
      await this.db.listen(
        SYNC_CHANNEL,
        (payload) => {
          const notice = parseChangeNotice(payload);
          if (notice?.collection === REPORTS_CHANGED) this.tell(notice.scope);
        },
        { onReconnect: () => this.listeners.forEach((l) => l.resync()) },
      ),
      // Both channels come through one connection, in the order their transactions committed.
      await this.db.listen(
        OFFICE_SESSIONS_CHANNEL,
        (payload) => {
          const userId = parseSessionsEnded(payload);
          if (userId !== null) void this.lookAgain(userId);
        },
        // The sessions ended meanwhile were not announced: look at every dashboard's now.
        { onReconnect: () => void this.endLapsedSessions() },
      ),
    );
    this.timer = setInterval(() => {
      this.listeners.forEach((l) => l.heartbeat());
      void this.endLapsedSessions();
    }, this.heartbeatMs);
    this.timer.unref();
  }

  private tell(storeId: string): void {
    for (const l of this.listeners) {
      if (l.stores !== null && !l.stores.has(storeId)) continue;
      const held = this.held.get(l);
      if (held) held.stores.add(storeId);
      else l.changed(storeId);
    }
  }

  /**
   * Some sessions of this user ended: their dashboards are held now, before any later notice, and
   * those whose session ended are closed once the lookup answers; the others are told what they
   * missed. Without a way to look (or when the lookup fails) they are closed: the page reconnects
   * and its session is checked at the door.
   */
  private async lookAgain(userId: string): Promise<void> {
    const lookup = ++this.lookups;
    const mine = this.listeners.filter((l) => l.holder === userId);
    if (mine.length === 0) return;
    for (const l of mine) this.held.set(l, { stores: this.held.get(l)?.stores ?? new Set(), lookup });
    let alive: ReadonlySet<string> = new Set();
    try {
      const sessions = mine.flatMap((l) => (l.session === undefined ? [] : [l.session]));
      if (this.liveSessions && sessions.length > 0) alive = await this.liveSessions(sessions);
    } catch {
      // Closed below: a stream scoped to what the user may no longer see must not stay open on a guess.
    }
    for (const l of mine) {
      const held = this.held.get(l);
      // Gone meanwhile, or held again by a later notice whose lookup decides.
      if (!held || held.lookup !== lookup) continue;
      this.held.delete(l);
      if (l.session === undefined || !alive.has(l.session)) {
        this.remove(l);
        l.close('the session ended: sign in again');
      } else held.stores.forEach((storeId) => l.changed(storeId));
    }
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
    this.held.delete(listener);
  }

  /** Ends every live dashboard (shutdown) and stops listening. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.held.clear();
    for (const l of this.listeners.splice(0)) l.close('the hub is shutting down');
    for (const unlisten of this.unlisten.splice(0)) await unlisten();
  }
}
