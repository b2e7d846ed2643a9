import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { MAX_BREAKS, storeBreaks, storeChainsReport } from '../fiscal/chain-report';
import { adminGuard } from './admin-guard';
import { registerArchiveRoute } from './archive-route';
import { AdminSecurity, ChainBreaks, errorResponses, StoreChains, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['fiscal'];

/** What the hub's chain verifier found, for head office: each till's chains, and the breaks with their records. */
export function registerFiscalRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/stores/:storeId/chains',
    {
      schema: {
        summary: 'Each till’s fiscal chains as the hub verified them',
        description: 'Verified up to (journal, sequence, hash), records waiting, breaks, gaps and lost journals, per till and chain.',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        response: { 200: StoreChains, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => storeChainsReport(db, request.params.storeId),
  );

  app.get(
    '/api/v1/admin/stores/:storeId/chain-breaks',
    {
      schema: {
        summary: 'What the chain verifier found wrong, newest first, each with its record',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: Type.Object({
          tillId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          chain: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
          code: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BREAKS, description: 'Default 50' })),
        }),
        response: { 200: ChainBreaks, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => ({ breaks: await storeBreaks(db, request.params.storeId, request.query) }),
  );

  registerArchiveRoute(app, options);
}
