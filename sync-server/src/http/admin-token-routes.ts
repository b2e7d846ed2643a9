import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { createAdminToken, listAdminTokens, MAX_LABEL_LENGTH, revokeAdminTokenById } from '../auth/admin-tokens';
import type { Database } from '../db/database';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['admin'];

const AdminTokenInfo = Type.Object({
  id: Type.String({ description: 'The first 12 hex digits of the token’s SHA-256' }),
  label: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/**
 * Head office's admin tokens: what `npm run hub -- admin …` needs while a hub holds a PGlite
 * directory. The token itself is in the creation's answer only (no-store, like every answer).
 */
export function registerAdminTokenRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.post(
    '/api/v1/admin/tokens',
    {
      schema: {
        summary: 'Create an admin token (shown once; the hub keeps its hash)',
        tags,
        security: AdminSecurity,
        body: Type.Object({ label: Type.String({ minLength: 1, maxLength: MAX_LABEL_LENGTH, description: 'Who holds it' }) }),
        response: { 201: Type.Intersect([AdminTokenInfo, Type.Object({ token: Type.String() })]), ...errorResponses(400, 401) },
      },
      preParsing,
    },
    async (request, reply) => reply.code(201).send(await createAdminToken(db, request.body.label)),
  );
  app.get(
    '/api/v1/admin/tokens',
    {
      schema: {
        summary: 'List the admin tokens (never the tokens themselves)',
        tags,
        security: AdminSecurity,
        querystring: Type.Object({ all: Type.Optional(Type.Boolean({ description: 'Revoked ones too' })) }),
        response: { 200: Type.Object({ tokens: List(AdminTokenInfo) }), ...errorResponses(401) },
      },
      preParsing,
    },
    async (request) => ({ tokens: await listAdminTokens(db, { all: request.query.all === true }) }),
  );
  app.delete(
    '/api/v1/admin/tokens/:id',
    {
      schema: {
        summary: 'Revoke an admin token, at once',
        tags,
        security: AdminSecurity,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: AdminTokenInfo, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => revokeAdminTokenById(db, request.params.id),
  );
}
