import { Type } from 'typebox';
import { getStoreSettings, putStoreSettings } from '../admin/store-settings';
import type { Database } from '../db/database';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, ProblemsBody, SettingsWriteResult, StoreId, StoreSettingsBody } from './api-schemas';
import type { HubApp } from './hub-app';

/** GET and PUT /api/v1/admin/stores/:storeId/settings: the store_settings document every till of the store pulls. */
export function registerStoreSettingsRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  app.get(
    '/api/v1/admin/stores/:storeId/settings',
    {
      schema: {
        summary: 'Read a store’s settings as stored',
        description:
          'The whole document (fields the back office does not show included), so a client changes only what it edits and PUTs the rest back. 404 not_found without the store, 404 no_settings when it has none yet.',
        tags: ['admin'],
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        response: {
          200: Type.Object({ storeId: Type.String(), settings: Type.Record(Type.String(), Type.Unknown()), seq: Type.Integer() }),
          ...errorResponses(401, 403, 404),
        },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request) => getStoreSettings(options.db, request.params.storeId),
  );
  app.put(
    '/api/v1/admin/stores/:storeId/settings',
    {
      schema: {
        summary: 'Replace a store’s settings (its store profile)',
        description:
          '422 invalid_settings with coded `problems` (a tile, the merchant’s identity…; unknown_price_list when `priceListId` names no live price list, the one already saved excepted).',
        tags: ['admin'],
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        body: StoreSettingsBody,
        response: { 200: SettingsWriteResult, 422: ProblemsBody, ...errorResponses(400, 401, 404) },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request) => putStoreSettings(options.db, request.params.storeId, request.body),
  );
}
