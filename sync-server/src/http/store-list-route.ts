import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listStores } from '../admin/stores';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { requestActor, requestSession } from '../office/request-actor';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses } from './api-schemas';
import type { HubApp } from './hub-app';

/**
 * The stores a request may see, or null for all: an office session's user's, an API key's owner's
 * (read now, so a changed owner changes the list) within the key's own stores when it is narrowed
 * to some, every store for administrators and admin tokens.
 */
export async function visibleStores(db: Database, request: FastifyRequest): Promise<readonly string[] | null> {
  const session = requestSession(request);
  if (session) return session.user.role === 'admin' ? null : session.user.stores;
  const actor = requestActor(request);
  if (actor?.kind !== 'key') return null;
  const [key] = await db.query<{ role: string; stores: string[]; key_stores: string[] | null }>(
    'SELECT u.role, u.stores, k.stores AS key_stores FROM api_keys k JOIN office_users u ON u.user_id = k.user_id WHERE k.key_id = $1',
    [actor.keyId],
  );
  if (!key) return [];
  const owner = key.role === 'admin' ? null : key.stores;
  if (key.key_stores === null) return owner;
  return owner === null ? key.key_stores : owner.filter((id) => key.key_stores!.includes(id));
}

/** GET /api/v1/admin/stores: the stores to pick from in the back office, narrowed to the caller's. */
export function registerStoreListRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  app.get(
    '/api/v1/admin/stores',
    {
      schema: {
        summary: 'List the stores the caller covers',
        description: 'Administrators and admin tokens: every store. Other roles (and their API keys): only their own stores.',
        tags: ['admin'],
        security: AdminSecurity,
        response: {
          200: Type.Object({ stores: Type.Array(Type.Object({ storeId: Type.String(), name: Type.String() })) }),
          ...errorResponses(401, 403),
        },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request) => ({ stores: await listStores(options.db, await visibleStores(options.db, request)) }),
  );
}
