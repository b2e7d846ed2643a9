import type { FastifyRequest } from 'fastify';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { bearerToken } from '../auth/secrets';

/** Runs before the body is read: an admin request without a valid admin token never uploads a file. */
export function adminGuard(admin: AdminAuthenticator) {
  return async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    await admin.authenticate(bearerToken(request.headers.authorization), request.ip);
    return payload;
  };
}
