import type { FastifyRequest } from 'fastify';
import { authenticateAdmin } from '../auth/admin-tokens';
import { bearerToken } from '../auth/secrets';
import type { Database } from '../db/database';

/** Runs before the body is read: an admin request without a valid admin token never uploads a file. */
export function adminGuard(db: Database) {
  return async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    await authenticateAdmin(db, bearerToken(request.headers.authorization));
    return payload;
  };
}
