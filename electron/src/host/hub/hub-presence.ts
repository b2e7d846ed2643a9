import type { EventPayload, HubStatus } from '@pos/core';

/** How long the hub must stay unreachable before the till seals `hub.offline`: a blip is no event. */
export const HUB_OFFLINE_DEBOUNCE_MS = 60_000;

type PresenceEvent = Extract<EventPayload, { type: 'hub.offline' | 'hub.online' }>;

export type HubPresenceOptions = {
  /** Only a till with a hub configured (enrolled) can lose it. */
  readonly enrolled: () => boolean;
  /** Since when the journal says the hub is offline (a `hub.offline` with no `hub.online` after it). */
  readonly sealedOfflineSince: string | null;
  readonly seal: (payload: PresenceEvent) => Promise<unknown>;
  readonly debounceMs?: number;
  readonly now?: () => Date;
};

/**
 * The till's degraded mode towards its hub (NF525 JET 70 / 120), from the hub client's status
 * (every request, push, pull and live stream updates `online`): unreachable for longer than the
 * debounce, `hub.offline` is sealed once, naming when the connection was lost; reached again,
 * `hub.online` once, with how long it was offline. An outage sealed before a restart ends at the
 * first contact after it.
 */
export class HubPresence {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sealedSince: string | null;
  private stopped = false;

  constructor(private readonly options: HubPresenceOptions) {
    this.sealedSince = options.sealedOfflineSince;
  }

  /** Feed it each status the hub client reports (and the one it has at start). */
  readonly observe = (status: Pick<HubStatus, 'online'>): void => {
    if (this.stopped || !this.options.enrolled()) return;
    if (status.online) this.reached();
    else this.lost();
  };

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private lost(): void {
    if (this.sealedSince !== null || this.timer !== null) return;
    const lostAt = this.now();
    this.timer = setTimeout(() => {
      this.timer = null;
      const since = lostAt.toISOString();
      this.sealedSince = since;
      // Not sealed (the journal stopped): the outage is not on record, so its end is not either.
      this.options.seal({ type: 'hub.offline', since }).catch(() => {
        if (this.sealedSince === since) this.sealedSince = null;
      });
    }, this.options.debounceMs ?? HUB_OFFLINE_DEBOUNCE_MS);
    this.timer.unref?.();
  }

  private reached(): void {
    this.clearTimer();
    const since = this.sealedSince;
    if (since === null) return;
    this.sealedSince = null;
    const offlineMs = Math.max(0, this.now().getTime() - Date.parse(since));
    // Not sealed: the outage stays open, and the next contact tries again.
    this.options.seal({ type: 'hub.online', offlineSince: since, offlineMs }).catch(() => {
      this.sealedSince ??= since;
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
