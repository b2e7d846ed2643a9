import { Type } from 'typebox';
import { TILL_COLUMNS } from '../admin/till-export';
import { listTills } from '../admin/till-list';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { adminGuard } from './admin-guard';
import { singleBatch } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import { AdminSecurity, errorResponses, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const TillSummary = Type.Object({
  tillId: Type.String(),
  label: Nullable(Type.String()),
  createdAt: Type.String(),
  revoked: Type.Boolean({ description: 'Enrolled once, and every device token it had is revoked' }),
  lastSeenAt: Nullable(Type.String({ description: 'Last authenticated call (a minute’s precision); null if never' })),
  appVersion: Nullable(
    Type.String({ description: 'The version the till last sent in X-Pos-App-Version on its sync requests; null if none yet' }),
  ),
  syncBacklog: Type.Object({
    pendingRecords: Type.Integer({ description: 'Fiscal records received, not yet placed in their chain' }),
    quarantined: Type.Integer({ description: 'Documents of this till the hub refused' }),
    unpushed: Type.Null({ description: 'What the till has not pushed yet: only the till knows, always null' }),
  }),
});

/** GET /api/v1/admin/stores/:storeId/tills: a store's tills as the hub knows them. */
export function registerTillListRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  app.get(
    '/api/v1/admin/stores/:storeId/tills',
    {
      schema: {
        summary: 'List a store’s tills',
        description:
          'With `format=csv|xlsx`: the tills as a file (sync-server/README.md, Table exports). From what the hub keeps: tills (the app version they send), device tokens (revocation, last call), fiscal records awaiting their place, quarantine. The hub does not know what a till has not pushed yet: syncBacklog.unpushed is null.',
        tags: ['admin'],
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: Type.Object(exportQueryFields),
        response: { 200: Type.Object({ tills: Type.Array(TillSummary) }), ...errorResponses(400, 401, 403, 404) },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request, reply) => {
      const { storeId } = request.params;
      const tills = await listTills(options.db, storeId);
      const { format } = request.query;
      if (!isFileFormat(format)) return { tills };
      // A store's tills are a handful (the list is read whole for the page too): one batch.
      return sendTableExport(request, reply, {
        format,
        name: 'tills',
        storeId,
        columns: TILL_COLUMNS,
        batches: singleBatch(async () => tills),
        totalRows: tills.length,
      });
    },
  );
}
