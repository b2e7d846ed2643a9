import { Type } from 'typebox';
import { putStoreSettings } from '../admin/store-settings';
import type { Database } from '../db/database';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, ProblemsBody, SettingsWriteResult, StoreId, StoreSettingsBody } from './api-schemas';
import type { HubApp } from './hub-app';

/** PUT /api/v1/admin/stores/:storeId/settings: the store_settings document every till of the store pulls. */
export function registerStoreSettingsRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  app.put(
    '/api/v1/admin/stores/:storeId/settings',
    {
      schema: {
        summary: 'Replace a store’s settings (its store profile)',
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
