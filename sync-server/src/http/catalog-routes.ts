import { Type } from 'typebox';
import { checkProduct } from '../catalog/product-checks';
import { knownVatRates } from '../catalog/known-vat-rates';
import { changePrice, deleteProduct, putProduct } from '../catalog/product-writes';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, PriceChange, ProblemsBody, ProductBody, ProductId, ProductWriteResult } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['catalog'];
const Params = Type.Object({ id: ProductId });

/**
 * Head office edits the shared catalog: each write takes a new catalog sequence and NOTIFYs, so
 * streaming tills get it within a second and offline ones when they catch up.
 */
export function registerCatalogRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.put(
    '/api/v1/admin/products/:id',
    {
      schema: {
        summary: 'Create or replace a product',
        description:
          'Checked: barcodes (GTIN check digits, or internal codes; none already on another product), price, currency, VAT rate, measure. Search words are computed.',
        tags,
        security: AdminSecurity,
        params: Params,
        body: ProductBody,
        response: { 200: ProductWriteResult, 201: ProductWriteResult, 422: ProblemsBody, ...errorResponses(400, 401) },
      },
      preParsing,
    },
    async (request, reply) => {
      const rates = await knownVatRates(db);
      const checked = checkProduct(request.params.id, request.body, { vatRateIds: new Set(rates.map((r) => r.id)) });
      if (!checked.ok) {
        throw new HubError(422, 'invalid_product', checked.problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
          problems: checked.problems,
        });
      }
      const { created, ...result } = await putProduct(db, checked.product);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.patch(
    '/api/v1/admin/products/:id',
    {
      schema: {
        summary: 'Change a product’s price',
        tags,
        security: AdminSecurity,
        params: Params,
        body: PriceChange,
        response: { 200: ProductWriteResult, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => changePrice(db, request.params.id, request.body.price),
  );

  app.delete(
    '/api/v1/admin/products/:id',
    {
      schema: {
        summary: 'Delete a product (a tombstone tills apply when they catch up)',
        tags,
        security: AdminSecurity,
        params: Params,
        response: { 200: ProductWriteResult, ...errorResponses(401, 404) },
      },
      preParsing,
    },
    async (request) => deleteProduct(db, request.params.id),
  );
}
