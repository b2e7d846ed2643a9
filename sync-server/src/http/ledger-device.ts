import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { bearerToken } from '../auth/secrets';
import type { Database } from '../db/database';
import type { RateLimit } from './rate-limits';

export type LedgerRouteOptions = {
  readonly db: Database;
  readonly auth: DeviceAuthenticator;
  readonly admin: AdminAuthenticator;
  readonly rateLimit: RateLimit;
};

/**
 * The till a ledger entry names, from its device token (never from the body): `<store>.<till>`, so
 * the back office sees which store's till reserved or sold. Store and till ids are each up to 64
 * characters; a pair longer than the ledgers' 64 is named by a hash of it instead.
 */
export function ledgerTillOf(device: { readonly storeId: string; readonly tillId: string }): string {
  const ref = `${device.storeId}.${device.tillId}`;
  return ref.length <= 64 ? ref : `till_${createHash('sha256').update(ref).digest('hex').slice(0, 40)}`;
}

/** The calling till (401 without a valid token, a revoked one included) and the ledgers' name for it. */
export async function ledgerTill(auth: DeviceAuthenticator, request: FastifyRequest): Promise<{ storeId: string; tillRef: string }> {
  const device = await auth.authenticate(bearerToken(request.headers.authorization), request.ip);
  return { storeId: device.storeId, tillRef: ledgerTillOf(device) };
}
