import { Type } from 'typebox';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { enrollDevice } from '../auth/enrollment';
import type { Database } from '../db/database';
import type { HubApp } from './hub-app';
import { errorResponses } from './api-schemas';
import { bodyDeadline } from './body-deadline';
import { addressRateConfig, type RateLimit } from './rate-limits';

/**
 * POST /api/v1/enroll {code, publicKey, proof} → {token, storeId, tillId}: the device token is
 * shown this once, and the till's signing key is registered (it proved it holds it).
 */
export function registerEnrollRoute(
  app: HubApp,
  options: { db: Database; auth: DeviceAuthenticator; rateLimit: RateLimit; bodyTimeoutMs: number },
): void {
  app.post(
    '/api/v1/enroll',
    {
      schema: {
        summary: 'Enroll a till with a one-time code shown at the hub',
        description:
          'Returns the device token once (the hub keeps its hash): every sync request then carries it as Authorization: Bearer <token>.',
        tags: ['enrollment'],
        body: Type.Object({
          code: Type.String({
            minLength: 1,
            maxLength: 64,
            description: 'As shown, e.g. ABCD-EFGH-JKLM; case, spaces and dashes are ignored',
          }),
          publicKey: Type.String({
            pattern: '^[0-9a-f]{64}$',
            description: 'The Ed25519 public key the till seals its fiscal records with (32 bytes, lowercase hex)',
          }),
          proof: Type.String({
            pattern: '^[0-9a-f]{128}$',
            description:
              'Ed25519 signature by that key of "POS-ENROLL-V1" 0x00 <code, normalised> 0x00 <public key bytes> (docs/fiscal.md)',
          }),
        }),
        response: {
          200: Type.Object({ token: Type.String(), storeId: Type.String(), tillId: Type.String() }),
          ...errorResponses(400, 404, 408, 410, 429),
        },
      },
      config: { rateLimit: addressRateConfig(options.rateLimit, 'enroll') },
      // Anyone may call it: a body sent a byte at a time must not hold a connection for long.
      preParsing: bodyDeadline(options.bodyTimeoutMs),
    },
    async (request) => {
      const enrolled = await enrollDevice(options.db, request.body);
      // The till's earlier tokens were revoked: this instance stops trusting them now, the others when the announcement arrives.
      options.auth.forgetStore(enrolled.storeId);
      return enrolled;
    },
  );
}
