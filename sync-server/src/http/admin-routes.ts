import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { authenticateAdmin } from '../auth/admin-tokens';
import { issueEnrollmentCode } from '../auth/enrollment';
import { revokeTill } from '../auth/revoke-till';
import { bearerToken } from '../auth/secrets';
import { createStore } from '../admin/stores';
import { createTill } from '../admin/tills';
import type { Database } from '../db/database';
import type { HubApp } from './hub-app';

const Id = Type.String({ minLength: 1, maxLength: 64 });

/**
 * The few admin routes the hub's own command line needs while the hub holds the database (one
 * process per PGlite data directory). Authenticated by the admin token of hub.json.
 */
export function registerAdminRoutes(app: HubApp, options: { db: Database }): void {
  const { db } = options;
  const guard = async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    await authenticateAdmin(db, bearerToken(request.headers.authorization));
    return payload;
  };

  app.post(
    '/api/v1/admin/stores',
    { schema: { body: Type.Object({ storeId: Id, name: Type.String({ minLength: 1, maxLength: 200 }), profile: Type.Optional(Type.Unknown()) }) }, preParsing: guard },
    async (request, reply) => reply.code(201).send(await createStore(db, request.body)),
  );
  app.post(
    '/api/v1/admin/tills',
    { schema: { body: Type.Object({ storeId: Id, tillId: Id, label: Type.Optional(Type.String({ maxLength: 200 })) }) }, preParsing: guard },
    async (request, reply) => reply.code(201).send(await createTill(db, request.body)),
  );
  app.post(
    '/api/v1/admin/enrollments',
    { schema: { body: Type.Object({ storeId: Id, tillId: Id, ttlHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 365 })) }) }, preParsing: guard },
    async (request, reply) => {
      const { storeId, tillId, ttlHours } = request.body;
      return reply.code(201).send(await issueEnrollmentCode(db, { storeId, tillId, ...(ttlHours ? { ttlMs: ttlHours * 3_600_000 } : {}) }));
    },
  );
  app.post('/api/v1/admin/revocations', { schema: { body: Type.Object({ storeId: Id, tillId: Id }) }, preParsing: guard }, async (request) =>
    revokeTill(db, request.body),
  );
}
