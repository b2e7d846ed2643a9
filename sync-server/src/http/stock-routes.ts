import type { StockPage } from '@pos/core/sync/head-office-api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { can } from '../office/access';
import { requestActor, requestSession } from '../office/request-actor';
import type { OfficeRole } from '../office/roles';
import { recordManualMovements } from '../stock/manual-movements';
import { MAX_EXCEPTIONS, stockExceptions } from '../stock/stock-exceptions';
import { LEVEL_COLUMNS, MOVEMENT_COLUMNS, stockBatches } from '../stock/stock-export';
import { stockLevelsPage, stockMovementsPage } from '../stock/stock-reads';
import { transferStock } from '../stock/stock-transfers';
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
import type { ExportColumn } from './export/export-table';
import { isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';
import {
  StockLevelsPage,
  StockLevelsQuery,
  StockMovementsPage,
  StockMovementsQuery,
  StockTransferBody,
  StockTransferResult,
} from './stock-schemas';

const tags = ['stock'];

type ListQuery = {
  readonly format?: 'json' | 'csv' | 'xlsx';
  readonly lang?: 'fr' | 'en';
  readonly cursor?: string;
  readonly limit?: number;
};

/**
 * A list's page, or with `format=csv|xlsx` every row its filters select as a file (README, Table
 * exports). A first page of one row refuses an unknown store or a bad filter before the first byte.
 */
async function pageOrFile<Q extends ListQuery, T>(
  request: FastifyRequest<{ Querystring: { lang?: string } }>,
  reply: FastifyReply,
  query: Q,
  table: { readonly name: string; readonly storeId: string; readonly columns: readonly ExportColumn<T>[] },
  read: (query: Q) => Promise<StockPage<T>>,
): Promise<StockPage<T> | FastifyReply> {
  if (!isFileFormat(query.format)) return read(query);
  const filters: Q = { ...query, format: undefined, cursor: undefined };
  await read({ ...filters, limit: 1 });
  const batches = stockBatches((cursor, limit) => read({ ...filters, cursor, limit }));
  return sendTableExport(request, reply, { format: query.format, totalRows: null, batches, ...table });
}

/** The schema of a read of one store's stock (any role of the store). */
function storeRead<Q extends TSchema, A extends TSchema>(summary: string, description: string, querystring: Q, answer: A) {
  const params = Type.Object({ storeId: StoreId });
  return {
    summary,
    description,
    tags,
    security: AdminSecurity,
    params,
    querystring,
    response: { 200: answer, ...errorResponses(400, 401, 403, 404) },
  };
}

/**
 * May the caller move stock in every one of these stores? A transfer names its stores in the
 * body, which the guard has not read: an office session's user, or an API key within its scopes,
 * its stores and its owner's rights now, needs store.stock in each; an admin token may.
 */
async function mayMoveStockIn(db: Database, request: FastifyRequest, storeIds: readonly string[]): Promise<boolean> {
  const session = requestSession(request);
  if (session) return storeIds.every((storeId) => can(session.user, 'store.stock', storeId));
  const actor = requestActor(request);
  if (actor?.kind !== 'key') return true;
  const [key] = await db.query<{ scopes: string[]; key_stores: string[] | null; role: OfficeRole; stores: string[] }>(
    'SELECT k.scopes, k.stores AS key_stores, u.role, u.stores FROM api_keys k JOIN office_users u ON u.user_id = k.user_id WHERE k.key_id = $1',
    [actor.keyId],
  );
  if (!key?.scopes.includes('store.stock')) return false;
  return storeIds.every((storeId) => can(key, 'store.stock', storeId) && (key.key_stores === null || key.key_stores.includes(storeId)));
}

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
    '/api/v1/admin/stores/:storeId/stock',
    {
      schema: storeRead(
        'A store’s stock levels by product',
        'Products the ledger has moved in the store, by product id (keyset pages), with their catalog name and reference. With `format=csv|xlsx`: every row the filters select, as a file (sync-server/README.md, Table exports).',
        StockLevelsQuery,
        StockLevelsPage,
      ),
      preParsing,
    },
    async (request, reply) =>
      pageOrFile(request, reply, request.query, { name: 'stock', storeId: request.params.storeId, columns: LEVEL_COLUMNS }, (query) =>
        stockLevelsPage(db, request.params.storeId, query),
      ),
  );

  app.get(
    '/api/v1/admin/stores/:storeId/stock/movements',
    {
      schema: storeRead(
        'A store’s stock movements, newest first',
        'The ledger: sales and returns from the tills, head office’s receipts, transfers and counts. With `format=csv|xlsx`: every row the filters select, as a file.',
        StockMovementsQuery,
        StockMovementsPage,
      ),
      preParsing,
    },
    async (request, reply) =>
      pageOrFile(
        request,
        reply,
        request.query,
        { name: 'stock-movements', storeId: request.params.storeId, columns: MOVEMENT_COLUMNS },
        (query) => stockMovementsPage(db, request.params.storeId, query),
      ),
  );

  app.get(
    '/api/v1/admin/stores/:storeId/stock/exceptions',
    {
      schema: storeRead(
        'A store’s products whose stock level is negative',
        'What the chain-wide list (GET /api/v1/admin/stock/exceptions) shows for this store, for the roles of the store.',
        Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXCEPTIONS, description: 'Default 1000' })) }),
        StockExceptions,
      ),
      preParsing,
    },
    async (request) => ({ exceptions: await stockExceptions(db, { storeId: request.params.storeId, ...request.query }) }),
  );

  app.post(
    '/api/v1/admin/stock-transfers',
    {
      schema: {
        summary: 'Move stock from one store to another',
        description:
          'One transaction: transfer_out movements in the source, transfer_in in the destination. Idempotent by the client’s id: the same body again answers applied: false; another body under that id is refused (409). Needs store.stock in both stores.',
        tags,
        security: AdminSecurity,
        body: StockTransferBody,
        response: { 200: StockTransferResult, 422: ProblemsBody, ...errorResponses(400, 401, 403, 409) },
      },
      preParsing,
    },
    async (request) => {
      const { from, to } = request.body;
      if (!(await mayMoveStockIn(db, request, [from, to])))
        throw new HubError(403, 'forbidden', `Moving stock needs the right to in both stores (${from} and ${to})`);
      return transferStock(db, request.body);
    },
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
