import { Type } from 'typebox';
import { issueEnrollmentCode } from '../auth/enrollment';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { revokeTill } from '../auth/revoke-till';
import { createStore } from '../admin/stores';
import { createTill } from '../admin/tills';
import type { Database } from '../db/database';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const tags = ['admin'];

/**
 * Stores, tills, enrollment codes and revocations: what the hub's own command line needs while
 * the hub holds the database (one process per PGlite data directory). Admin token of hub.json.
 */
export function registerAdminRoutes(app: HubApp, options: { db: Database; auth: DeviceAuthenticator; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.post(
    '/api/v1/admin/stores',
    {
      schema: {
        summary: 'Create a store',
        tags,
        security: AdminSecurity,
        body: Type.Object({
          storeId: StoreId,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          profile: Type.Optional(Type.Unknown()),
        }),
        response: { 201: Type.Object({ storeId: Type.String(), name: Type.String() }), ...errorResponses(400, 401, 409) },
      },
      preParsing,
    },
    async (request, reply) => reply.code(201).send(await createStore(db, request.body)),
  );
  app.post(
    '/api/v1/admin/tills',
    {
      schema: {
        summary: 'Create a till of a store',
        tags,
        security: AdminSecurity,
        body: Type.Object({ storeId: Id, tillId: Id, label: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: Type.Object({ storeId: Type.String(), tillId: Type.String() }), ...errorResponses(400, 401, 404, 409) },
      },
      preParsing,
    },
    async (request, reply) => reply.code(201).send(await createTill(db, request.body)),
  );
  app.post(
    '/api/v1/admin/enrollments',
    {
      schema: {
        summary: 'Issue a one-time enrollment code for a till',
        tags,
        security: AdminSecurity,
        body: Type.Object({ storeId: Id, tillId: Id, ttlHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 * 365 })) }),
        response: {
          201: Type.Object({
            code: Type.String({ description: 'Shown once; stored hashed' }),
            storeId: Type.String(),
            tillId: Type.String(),
            expiresAt: Type.String(),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
      preParsing,
    },
    async (request, reply) => {
      const { storeId, tillId, ttlHours } = request.body;
      return reply.code(201).send(await issueEnrollmentCode(db, { storeId, tillId, ...(ttlHours ? { ttlMs: ttlHours * 3_600_000 } : {}) }));
    },
  );
  app.post(
    '/api/v1/admin/revocations',
    {
      schema: {
        summary: 'Revoke every device token of a till (it must enroll again)',
        tags,
        security: AdminSecurity,
        body: Type.Object({ storeId: Id, tillId: Id }),
        response: { 200: Type.Object({ revokedTokens: Type.Integer() }), ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => {
      const revoked = await revokeTill(db, request.body);
      // This instance at once; the others when the announcement reaches them (milliseconds).
      options.auth.forgetStore(request.body.storeId);
      return revoked;
    },
  );
}
