import { Type } from 'typebox';
import type { Database } from '../db/database';
import { OFFICE_ACTIONS } from '../office/access';
import { createApiKey, listApiKeys, MAX_KEY_LABEL_LENGTH, MAX_KEY_STORES, revokeApiKey } from '../office/api-keys';
import { errorResponses, List, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';
import { sessionOf, type OfficeAuth } from './office-auth';
import { OfficeSecurity } from './office-schemas';

const tags = ['office'];

const ApiKeySchema = Type.Object({
  keyId: Type.String(),
  userId: Type.String(),
  label: Type.String(),
  scopes: List(Type.String()),
  stores: Type.Union([List(Type.String()), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

/**
 * The signed-in user's API keys (issue 13): with the session cookie and its CSRF token only, so a
 * key never makes another key. Creating and revoking write their own audit rows (office/api-keys.ts).
 */
export function registerApiKeyRoutes(app: HubApp, options: { db: Database; office: OfficeAuth }): void {
  const { db, office } = options;
  const signedIn = office.needs();

  app.get(
    '/api/v1/office/api-keys',
    {
      schema: {
        summary: 'My API keys, newest first (never their secrets)',
        tags,
        security: OfficeSecurity,
        response: { 200: Type.Object({ keys: List(ApiKeySchema) }), ...errorResponses(401, 403) },
      },
      onRequest: signedIn,
    },
    async (request) => ({ keys: await listApiKeys(db, sessionOf(request).user.userId) }),
  );

  app.post(
    '/api/v1/office/api-keys',
    {
      schema: {
        summary: 'Create an API key: scoped (within my rights), expiring; the answer holds the key, shown this once',
        tags,
        security: OfficeSecurity,
        body: Type.Object({
          label: Type.String({ minLength: 1, maxLength: MAX_KEY_LABEL_LENGTH }),
          scopes: Type.Array(Type.Union(OFFICE_ACTIONS.map((a) => Type.Literal(a))), { minItems: 1, maxItems: OFFICE_ACTIONS.length }),
          stores: Type.Optional(Type.Union([Type.Array(StoreId, { minItems: 1, maxItems: MAX_KEY_STORES }), Type.Null()])),
          expiresAt: Type.String({ minLength: 1, maxLength: 40, description: 'ISO 8601, at most a year ahead' }),
        }),
        response: {
          201: Type.Object({ key: ApiKeySchema, secret: Type.String({ description: 'Authorization: Bearer <secret>; shown once' }) }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
      onRequest: signedIn,
    },
    async (request, reply) => reply.code(201).send(await createApiKey(db, sessionOf(request).user, request.body)),
  );

  app.delete(
    '/api/v1/office/api-keys/:keyId',
    {
      schema: {
        summary: 'Revoke one of my API keys, at once on every hub instance',
        tags,
        security: OfficeSecurity,
        params: Type.Object({ keyId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: Type.Object({ key: ApiKeySchema }), ...errorResponses(401, 403, 404) },
      },
      onRequest: signedIn,
    },
    async (request) => ({ key: await revokeApiKey(db, sessionOf(request).user, request.params.keyId) }),
  );
}
