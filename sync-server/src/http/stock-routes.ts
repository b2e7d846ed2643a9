import { Type } from 'typebox';
import type { Database } from '../db/database';
import { recordManualMovements } from '../stock/manual-movements';
import { MAX_EXCEPTIONS, stockExceptions } from '../stock/stock-exceptions';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { adminGuard } from './admin-guard';
import {
  AdminSecurity,
  errorResponses,
  ProblemsBody,
  StockExceptions,
  StockMovementsBody,
  StockMovementsResult,
  StoreId,
} from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['stock'];

/** Head office's side of the stock ledger: movements tills do not make, and the negative levels to look at. */
export function registerStockRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.post(
    '/api/v1/admin/stores/:storeId/stock-movements',
    {
      schema: {
        summary: 'Record receipts, transfers and count adjustments of a store',
        description:
          'All or nothing; idempotent by movementId (a movement already recorded is ignored). Tills get the new levels through stock_levels.',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        body: StockMovementsBody,
        response: { 200: StockMovementsResult, 422: ProblemsBody, ...errorResponses(400, 401, 404, 413) },
      },
      preParsing,
    },
    async (request) => recordManualMovements(db, request.params.storeId, request.body.movements),
  );

  app.get(
    '/api/v1/admin/stock/exceptions',
    {
      schema: {
        summary: 'Products whose stock level is negative, per store',
        tags,
        security: AdminSecurity,
        querystring: Type.Object({
          storeId: Type.Optional(StoreId),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXCEPTIONS, description: 'Default 1000' })),
        }),
        response: { 200: StockExceptions, ...errorResponses(400, 401) },
      },
      preParsing,
    },
    async (request) => ({ exceptions: await stockExceptions(db, request.query) }),
  );
}
