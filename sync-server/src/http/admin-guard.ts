import type { FastifyRequest } from 'fastify';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { bearerToken, sha256Hex } from '../auth/secrets';
import { setRequestActor } from '../office/request-actor';

/**
 * Runs before the body is read: an admin request without a valid admin token (or an office session
 * whose role allows this route for the path's store, office/access.ts) never uploads a file. A
 * bearer token, when there is one, decides: the command line, tests and integrations use those.
 */
export function adminGuard(admin: AdminAuthenticator) {
  return async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null && admin.office?.hasCookie(request)) {
      await admin.office.requireAdminRoute(request);
      return payload;
    }
    await admin.authenticate(token, request.ip);
    if (token) setRequestActor(request, { kind: 'token', tokenId: sha256Hex(token).slice(0, 12) });
    return payload;
  };
}
