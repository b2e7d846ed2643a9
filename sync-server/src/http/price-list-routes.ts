import { DOCUMENT_BOUNDS, jsonBoundsProblem } from '@pos/core';
import { PRICE_LIST_LIMITS } from '@pos/core/sync/head-office-api';
import { Type } from 'typebox';
import { MAX_PRICE } from '../catalog/product-checks';
import { checkPriceList, deletePriceList, listPriceLists, putPriceList, storedPriceList } from '../catalog/price-list-writes';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, ProblemsBody, ProductId } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['catalog'];
const Params = Type.Object({ listId: Type.String({ minLength: 1, maxLength: 64, description: 'Price list id, e.g. pl-wholesale' }) });

const Entry = Type.Object({
  productId: ProductId,
  price: Type.Integer({ minimum: 0, maximum: MAX_PRICE, description: 'The list’s price, VAT-inclusive, in minor units (cents)' }),
});

const PriceListBody = Type.Object({
  name: Type.String({ maxLength: PRICE_LIST_LIMITS.maxNameLength }),
  entries: Type.Array(Entry, { maxItems: PRICE_LIST_LIMITS.maxEntries, description: 'Each product once, a live product of the catalog' }),
});

const PriceListRead = Type.Object({
  priceList: Type.Object({ id: Type.String(), name: Type.String(), entries: List(Entry) }),
  deleted: Type.Boolean(),
  seq: Type.Integer({ description: 'Its catalog sequence (the checkpoint tills pull by)' }),
});

/** A whole list's body: each entry is an object and its two values, beyond a pushed document's bound. */
const BODY_BOUNDS = { ...DOCUMENT_BOUNDS, maxValues: 3 * PRICE_LIST_LIMITS.maxEntries + 10 };

const PriceListSummary = Type.Object({ id: Type.String(), name: Type.String(), entryCount: Type.Integer() });

/**
 * Head office's price lists (issue 13): one `price_lists` document of the catalog per list, so a
 * write takes a catalog sequence and NOTIFYs like a product's, and streaming tills get it within a second.
 */
export function registerPriceListRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/price-lists',
    {
      schema: {
        summary: 'List the price lists',
        description: `Every live list in id order (at most ${PRICE_LIST_LIMITS.maxLists}), with its number of entries.`,
        tags,
        security: AdminSecurity,
        response: { 200: Type.Object({ priceLists: List(PriceListSummary) }), ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async () => ({ priceLists: await listPriceLists(db) }),
  );

  app.get(
    '/api/v1/admin/price-lists/:listId',
    {
      schema: {
        summary: 'Read a price list whole (a deleted one too: deleted is true)',
        description: `Entries in product id order; at most ${PRICE_LIST_LIMITS.maxEntries}.`,
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: PriceListRead, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => {
      const stored = await storedPriceList(db, request.params.listId);
      if (!stored) throw new HubError(404, 'not_found', `No price list ${request.params.listId}`);
      return stored;
    },
  );

  app.put(
    '/api/v1/admin/price-lists/:listId',
    {
      schema: {
        summary: 'Create or replace a price list',
        description:
          'A store whose settings name the list sells its products at the list’s prices. Refused with 422 invalid_price_list and coded `problems`: a bad id or name, a product twice, a price out of range, products not in the catalog (unknown_products).',
        tags,
        security: AdminSecurity,
        params: Params,
        body: PriceListBody,
        response: { 200: PriceListRead, 201: PriceListRead, 422: ProblemsBody, ...errorResponses(400, 401, 403) },
      },
      config: { boundsDocumentsItself: true },
      preParsing,
      preValidation: async (request) => {
        const problem = jsonBoundsProblem(request.body, BODY_BOUNDS, 'body');
        if (problem) throw new HubError(400, 'invalid_body', `The body cannot be taken: ${problem}`);
      },
    },
    async (request, reply) => {
      const list = checkPriceList(request.params.listId, request.body);
      const { created, ...result } = await putPriceList(db, list);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/api/v1/admin/price-lists/:listId',
    {
      schema: {
        summary: 'Delete a price list (a tombstone tills apply when they catch up)',
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: PriceListRead, ...errorResponses(401, 403, 404) },
      },
      preParsing,
    },
    async (request) => deletePriceList(db, request.params.listId),
  );
}
