import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EventPayload, StoreProfile } from '@pos/core';
import { fiscalSettingChanges, fiscalSettingsFingerprint, fiscalSettingsOf } from '@pos/core/store/fiscal-settings';
import { nodeFiscalFs, writeFileDurably } from '../fiscal/fiscal-fs';
import { SealGate } from '../fiscal/seal-gate';

/** The fiscal settings in force at this till, as last sealed (or as found at the first start). */
const SNAPSHOT = 'fiscal-settings.json';

type SettingsEvent = Extract<EventPayload, { type: 'settings.change' }>;

export type SettingsSealOptions = {
  readonly dataDir: string;
  /** The fingerprint the last `settings.change` in the journal sealed (LifecycleIndex). */
  readonly sealedFingerprint: () => string | null;
  readonly seal: (payload: SettingsEvent) => Promise<unknown>;
};

/**
 * Seals a change of the store's fiscal settings (`settings.change`, JET 270) before the new
 * profile is in force, whether it comes from the hub or from the till's own store.json (seen at
 * start). The settings in force are kept in `fiscal-settings.json`, written after the seal; a
 * restart between the two finds the journal's fingerprint already the profile's and seals nothing
 * again. The first start (no file) takes the profile as it is: there is nothing it changed.
 */
export class SettingsSeal {
  private readonly gate = new SealGate();

  constructor(private readonly options: SettingsSealOptions) {}

  /** Seals what `next` changes; throws (nothing in force) when it cannot be sealed. */
  apply(next: StoreProfile, source: SettingsEvent['source']): Promise<void> {
    return this.gate.run(async () => {
      const current = await this.readSnapshot();
      const fingerprint = fiscalSettingsFingerprint(next);
      if (current && fiscalSettingsFingerprint(current) !== fingerprint && this.options.sealedFingerprint() !== fingerprint) {
        const changes = fiscalSettingChanges(current, next);
        if (changes.length > 0) await this.options.seal({ type: 'settings.change', source, changes, settings: fingerprint });
      }
      if (!current || fiscalSettingsFingerprint(current) !== fingerprint) await this.writeSnapshot(next);
    });
  }

  private async readSnapshot(): Promise<Partial<StoreProfile> | null> {
    try {
      const parsed: unknown = JSON.parse(await readFile(path.join(this.options.dataDir, SNAPSHOT), 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Partial<StoreProfile>) : null;
    } catch {
      return null;
    }
  }

  private async writeSnapshot(profile: StoreProfile): Promise<void> {
    const text = `${JSON.stringify(fiscalSettingsOf(profile), null, 2)}\n`;
    await writeFileDurably(nodeFiscalFs, path.join(this.options.dataDir, SNAPSHOT), text, 0o644);
  }
}
