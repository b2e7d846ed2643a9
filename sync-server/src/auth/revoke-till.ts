import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { tillExists } from '../admin/tills';
import { announceRevocation } from './device-authenticator';

/**
 * Revokes every token of one till (a stolen or replaced device) and its unused enrollment codes.
 * The till's rows stay: its sales are history. It can be enrolled again with a new code.
 */
export async function revokeTill(db: Queryable, till: { storeId: string; tillId: string }): Promise<{ revokedTokens: number }> {
  if (!(await tillExists(db, till.storeId, till.tillId))) {
    throw new HubError(404, 'not_found', `Till ${till.tillId} of store ${till.storeId} does not exist`);
  }
  const revoked = await db.query(
    'UPDATE device_tokens SET revoked_at = now() WHERE store_id = $1 AND till_id = $2 AND revoked_at IS NULL RETURNING 1',
    [till.storeId, till.tillId],
  );
  await db.query('UPDATE enrollment_codes SET used_at = now() WHERE store_id = $1 AND till_id = $2 AND used_at IS NULL', [
    till.storeId,
    till.tillId,
  ]);
  // Every hub instance stops trusting the store's remembered tokens now, not at the end of their trust period.
  await announceRevocation(db, till.storeId);
  return { revokedTokens: revoked.length };
}
