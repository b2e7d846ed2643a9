import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { sha256Hex, storeOfToken } from './secrets';

export type DeviceIdentity = { readonly storeId: string; readonly tillId: string };

/** last_seen_at is for head office ("when did this till last call?"): a minute's precision is plenty. */
const LAST_SEEN_PRECISION = "interval '60 seconds'";

/**
 * The device token → the till it was issued to (`tokenHash`: its SHA-256, when the caller has it already). The token names its store, so the lookup is by
 * (store, hash): one index probe, on the store's own shard under Citus.
 */
export async function authenticateDevice(
  db: Queryable,
  token: string | null,
  tokenHash = token ? sha256Hex(token) : '',
): Promise<DeviceIdentity> {
  if (!token) throw new HubError(401, 'unauthorized', 'This request has no device token (Authorization: Bearer …): enroll the till first');
  const storeId = storeOfToken(token);
  if (!storeId) throw new HubError(401, 'unauthorized', 'This device token is not valid: enroll the till again');
  const [row] = await db.query<{ till_id: string; revoked: boolean; stale: boolean }>(
    `SELECT till_id, revoked_at IS NOT NULL AS revoked,
            (last_seen_at IS NULL OR last_seen_at < now() - ${LAST_SEEN_PRECISION}) AS stale
       FROM device_tokens WHERE store_id = $1 AND token_hash = $2`,
    [storeId, tokenHash],
  );
  if (!row) throw new HubError(401, 'unauthorized', 'This device token is not known to the hub: enroll the till again');
  if (row.revoked) throw new HubError(401, 'unauthorized', 'This till’s device token was revoked at the hub: enroll the till again');
  if (row.stale)
    await db.query('UPDATE device_tokens SET last_seen_at = now() WHERE store_id = $1 AND token_hash = $2', [storeId, tokenHash]);
  return { storeId, tillId: row.till_id };
}
