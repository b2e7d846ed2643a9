import type { Database, Queryable } from '../db/database';
import { authenticateDevice, type DeviceIdentity } from './device-auth';
import type { FailedAuthLimiter } from './failed-auth-limiter';
import { sha256Hex } from './secrets';

/** NOTIFY channel of revocations: the payload is the store whose tokens changed. */
export const AUTH_CHANNEL = 'hub_auth';

/**
 * How long a verified token is trusted without asking the database. Revocations through the hub
 * (revokeTill) reach every instance at once through AUTH_CHANNEL; this bounds anything else (a
 * row changed by hand, a notice lost while an instance's listening connection was down).
 */
export const DEFAULT_TRUST_MS = 30_000;

/** Tells every hub instance to forget the tokens it trusts for a store (call after committing). */
export async function announceRevocation(db: Queryable, storeId: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, storeId]);
}

/**
 * Device tokens → tills, remembering the tokens it verified: a till pushing every few seconds
 * costs one token lookup per TRUST period, not one per request. Unknown, malformed and revoked
 * tokens are never trusted, so a newly enrolled till is let in at once and a refusal is always
 * the database's current word.
 *
 * With a FailedAuthLimiter, each refusal counts against the client's address, and an address past
 * its limit is refused (429) without a lookup for any token this instance has not verified
 * before: a flood of guessed tokens cannot load the database, and the tills it already knows,
 * behind the same address, carry on.
 */
export class DeviceAuthenticator {
  /** Tokens verified once (until 0: look again before trusting, but known, so never limited). */
  private readonly trusted = new Map<string, { readonly device: DeviceIdentity; until: number }>();
  /** The app version this instance last wrote per till (`store\u0000till`): a till's row is written when it changes only. */
  private readonly versions = new Map<string, string>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: Database,
    private readonly options: { readonly trustMs?: number; readonly failures?: FailedAuthLimiter } = {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(AUTH_CHANNEL, (storeId) => this.forgetStore(storeId), {
      // Revocations announced while the connection was down are lost: trust nothing remembered.
      onReconnect: () => this.trusted.forEach((entry) => (entry.until = 0)),
    });
  }

  /**
   * `address`: the client's, for the failure limit (none: not limited). `appVersion`: the version
   * the till says it runs (already checked, null: none), kept on its row when it changed.
   */
  async authenticate(token: string | null, address?: string, appVersion: string | null = null): Promise<DeviceIdentity> {
    const device = await this.identify(token, address);
    if (appVersion !== null) await this.noteVersion(device, appVersion);
    return device;
  }

  private async noteVersion(device: DeviceIdentity, version: string): Promise<void> {
    const till = `${device.storeId}\u0000${device.tillId}`;
    if (this.versions.get(till) === version) return;
    await this.db.query('UPDATE tills SET app_version = $3 WHERE store_id = $1 AND till_id = $2 AND app_version IS DISTINCT FROM $3', [
      device.storeId,
      device.tillId,
      version,
    ]);
    this.versions.set(till, version);
  }

  private async identify(token: string | null, address?: string): Promise<DeviceIdentity> {
    const key = token ? sha256Hex(token) : null;
    const known = key ? this.trusted.get(key) : undefined;
    if (known && known.until > Date.now()) return known.device;
    const lookup = () => authenticateDevice(this.db, token, key ?? undefined);
    const { failures } = this.options;
    try {
      const device = failures && address !== undefined ? await failures.attempt(address, known !== undefined, lookup) : await lookup();
      if (key) this.trusted.set(key, { device, until: Date.now() + (this.options.trustMs ?? DEFAULT_TRUST_MS) });
      return device;
    } catch (error) {
      if (key) this.trusted.delete(key);
      throw error;
    }
  }

  forgetStore(storeId: string): void {
    for (const entry of this.trusted.values()) if (entry.device.storeId === storeId) entry.until = 0;
  }

  async close(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
    this.trusted.clear();
    this.versions.clear();
  }
}
