import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import type { AuditActor } from '../office/audit';
import { requestActor } from '../office/request-actor';
import {
  createOfficeUser,
  listOfficeUsers,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_USER_STORES,
  resetOfficePassword,
  updateOfficeUser,
} from '../office/users';
import { adminGuard } from './admin-guard';
import { errorResponses, List, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';
import { AdminOrOfficeSecurity, OfficeRoleSchema, OfficeUserInfoSchema } from './office-schemas';

const tags = ['admin', 'office'];
const UserId = Type.String({ minLength: 1, maxLength: 100 });
const Stores = Type.Array(StoreId, { maxItems: MAX_USER_STORES });
const WithPassword = Type.Object({
  user: OfficeUserInfoSchema,
  oneTimePassword: Type.String({ description: 'Shown once: the user changes it at first sign-in' }),
});

function actor(request: FastifyRequest): AuditActor {
  return requestActor(request) ?? { kind: 'cli' };
}

/** Head-office users (administrators, with an admin token or an admin's session); each change is audited with before/after. */
export function registerUserRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        summary: 'Head-office users',
        tags,
        security: AdminOrOfficeSecurity,
        response: { 200: Type.Object({ users: List(OfficeUserInfoSchema) }), ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async () => ({ users: await listOfficeUsers(db) }),
  );
  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        summary: 'Create a head-office user; the answer holds a one-time password',
        tags,
        security: AdminOrOfficeSecurity,
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: MAX_EMAIL_LENGTH }),
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH })),
          role: OfficeRoleSchema,
          stores: Type.Optional(Stores),
          staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A store manager’s staff id at the till' })),
        }),
        response: { 201: WithPassword, ...errorResponses(400, 401, 403, 404, 409) },
      },
      preParsing,
    },
    async (request, reply) => reply.code(201).send(await createOfficeUser(db, actor(request), request.body)),
  );
  app.patch(
    '/api/v1/admin/users/:userId',
    {
      schema: {
        summary: 'Change a user’s name, role, stores, disable them or turn their second factor off (their sessions end)',
        tags,
        security: AdminOrOfficeSecurity,
        params: Type.Object({ userId: UserId }),
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH })),
          role: Type.Optional(OfficeRoleSchema),
          stores: Type.Optional(Stores),
          disabled: Type.Optional(Type.Boolean()),
          resetTotp: Type.Optional(Type.Boolean({ description: 'true: the second factor goes (a lost phone); they enroll again' })),
        }),
        response: { 200: OfficeUserInfoSchema, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => db.transaction((tx) => updateOfficeUser(tx, actor(request), request.params.userId, request.body)),
  );
  app.post(
    '/api/v1/admin/users/:userId/password-reset',
    {
      schema: {
        summary: 'A new one-time password for a user (their sessions end, the lockout is lifted)',
        tags,
        security: AdminOrOfficeSecurity,
        params: Type.Object({ userId: UserId }),
        response: { 200: WithPassword, ...errorResponses(401, 403, 404) },
      },
      preParsing,
    },
    async (request) => db.transaction((tx) => resetOfficePassword(tx, actor(request), request.params.userId)),
  );
}
