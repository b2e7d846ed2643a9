import type { FastifyRequest } from 'fastify';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { bearerToken, sha256Hex } from '../auth/secrets';
import { HubError } from '../errors/hub-error';
import { routeAction } from '../office/access';
import { isApiKey, keyAllows } from '../office/api-keys';
import { setRequestActor } from '../office/request-actor';

/**
 * Runs before the body is read: an admin request without a valid admin token, API key (within its
 * scopes, its stores and its owner's rights) or office session (whose role allows this route for
 * the path's store, office/access.ts) never uploads a file. A bearer token, when there is one,
 * decides: the command line, tests, scripts and channels use those.
 */
export function adminGuard(admin: AdminAuthenticator) {
  return async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null && admin.office?.hasCookie(request)) {
      await admin.office.requireAdminRoute(request);
      return payload;
    }
    if (token !== null && isApiKey(token)) {
      const holder = await admin.authenticateKey(token, request.ip);
      const action = routeAction(request.method, request.routeOptions.url ?? '');
      const storeId = (request.params as { storeId?: unknown } | undefined)?.storeId;
      if (!action || !keyAllows(holder, action, typeof storeId === 'string' ? storeId : undefined))
        throw new HubError(403, 'forbidden', 'This API key does not allow this (its scopes, its stores, or its owner’s role)');
      setRequestActor(request, { kind: 'key', keyId: holder.key.keyId, userId: holder.owner.userId, email: holder.owner.email });
      return payload;
    }
    await admin.authenticate(token, request.ip);
    if (token) setRequestActor(request, { kind: 'token', tokenId: sha256Hex(token).slice(0, 12) });
    return payload;
  };
}
