import type { SealedRecord } from '@pos/core';

/**
 * What the journal says of the till's own life, for the events sealed about it (rebuilt at every
 * start, fed record by record): the version of the last start (a new one seals `app.version`),
 * an outage of the hub sealed and not yet ended (`hub.offline` without `hub.online`), and the
 * fingerprint of the fiscal settings the last `settings.change` put in force.
 */
export class LifecycleIndex {
  private startVersion: string | null = null;
  private offline: string | null = null;
  private settings: string | null = null;

  readonly add = (record: SealedRecord): void => {
    if (record.chain !== 'event') return;
    const event = (record as SealedRecord<'event'>).payload;
    if (event.type === 'till.start') this.startVersion = event.appVersion;
    else if (event.type === 'hub.offline') this.offline = event.since;
    else if (event.type === 'hub.online') this.offline = null;
    else if (event.type === 'settings.change') this.settings = event.settings;
  };

  /** The app version of the last `till.start` sealed (null before the first). */
  get lastStartVersion(): string | null {
    return this.startVersion;
  }

  /** Since when the hub was offline, when a `hub.offline` has no `hub.online` after it. */
  get offlineSince(): string | null {
    return this.offline;
  }

  /** The fiscal settings fingerprint the last `settings.change` sealed (null before the first). */
  get settingsFingerprint(): string | null {
    return this.settings;
  }
}
