import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { checkArchiveRequest, exportArchive } from '../fiscal/archive-export';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';

const DATE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, inclusive (the records’ sealedAt, UTC)' });

/**
 * The signed fiscal archive of a store and period (at most twelve months), streamed as a zip as it
 * is written (docs/fiscal.md §12). What can be refused is refused before the first byte (400 for
 * the period, 404 for the store); a failure after it cuts the download, which then fails to verify.
 */
export function registerArchiveRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  app.get(
    '/api/v1/admin/stores/:storeId/archive',
    {
      schema: {
        summary: 'The signed fiscal archive of a store and period (zip)',
        description:
          'Records per till and chain (JSON lines), sales (CSV), keys and rotations, manifest and its Ed25519 signature. Verify with `node verify-archive.mjs archive.zip`.',
        tags: ['fiscal'],
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: Type.Object({ from: DATE, to: DATE }),
        response: { ...errorResponses(400, 401, 404) },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request, reply) => {
      const { storeId } = request.params;
      const { from, to } = request.query;
      await checkArchiveRequest(db, { storeId, from, to });
      const body = new PassThrough();
      exportArchive(db, { storeId, from, to, requestedBy: 'admin-api' }, body).then(
        () => body.end(),
        (error: unknown) => {
          request.log.error({ err: error, storeId }, 'archive export failed');
          body.destroy(error as Error);
        },
      );
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="archive-${storeId}-${from}-${to}.zip"`)
        .send(body);
    },
  );
}
