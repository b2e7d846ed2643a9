import { Type } from 'typebox';
import { knownVatRates } from '../catalog/known-vat-rates';
import { storedProduct } from '../catalog/product-writes';
import { DEFAULT_PAGE, listCategories, MAX_PAGE, productRows, searchProducts } from '../catalog/product-search';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, Product, ProductId, ProductWriteResult } from './api-schemas';
import { keysetBatches } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';
import { PRODUCT_EXPORT_COLUMNS } from './product-export';

const tags = ['catalog'];

const ProductQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Words of the name (each a prefix of a word, any case or accent), or an id, SKU or barcode',
    }),
  ),
  category: Type.Optional(Type.String({ maxLength: 100, description: 'Only this category (exactly)' })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE })),
  ...exportQueryFields,
});

const VatRateRead = Type.Object({ id: Type.String(), rateBp: Type.Integer(), code: Type.String(), label: Type.String() });

/**
 * The back office reads the shared catalog (issue 13): administrators, who edit it with the
 * routes of catalog-routes.ts, and regional and store managers (catalog.read, office/access.ts).
 */
export function registerCatalogReadRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/products',
    {
      schema: {
        summary: 'Search the catalog’s live products, a page at a time',
        description:
          'In id order. `q`: every word a prefix of a word of the name, or the exact id, SKU or barcode (UPC-A found as its EAN-13). Pass `next` as `after` for the following page; null on the last. `format=csv|xlsx`: every product selected, as a file whose columns are the import’s (re-importable).',
        tags,
        security: AdminSecurity,
        querystring: ProductQuery,
        response: {
          200: Type.Object({ products: List(Product), next: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 403),
        },
      },
      preParsing,
    },
    async (request, reply) => {
      const { format, lang: _lang, limit: _limit, ...filters } = request.query;
      if (!isFileFormat(format)) return searchProducts(db, request.query);
      const batches = keysetBatches(
        (after: string | null, limit) => productRows(db, { ...filters, ...(after === null ? {} : { after }), limit }),
        (product) => product.id,
      );
      return sendTableExport(request, reply, {
        format,
        name: 'products',
        storeId: null,
        columns: PRODUCT_EXPORT_COLUMNS,
        batches,
        totalRows: null,
      });
    },
  );

  app.get(
    '/api/v1/admin/products/:id',
    {
      schema: {
        summary: 'Read a product (a deleted one too: deleted is true)',
        tags,
        security: AdminSecurity,
        params: Type.Object({ id: ProductId }),
        response: { 200: ProductWriteResult, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => {
      const stored = await storedProduct(db, request.params.id);
      if (!stored) throw new HubError(404, 'not_found', `No product ${request.params.id} in the catalog`);
      return stored;
    },
  );

  app.get(
    '/api/v1/admin/categories',
    {
      schema: {
        summary: 'List the categories of live products',
        description: 'Sorted; at most 1,000 (truncated says there are more).',
        tags,
        security: AdminSecurity,
        response: { 200: Type.Object({ categories: List(Type.String()), truncated: Type.Boolean() }), ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async () => listCategories(db),
  );

  app.get(
    '/api/v1/admin/vat-rates',
    {
      schema: {
        summary: 'List the VAT rates a product may name',
        description: 'The French rates, and every rate of a store’s settings.',
        tags,
        security: AdminSecurity,
        response: { 200: Type.Object({ vatRates: List(VatRateRead) }), ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async () => ({ vatRates: await knownVatRates(db) }),
  );
}
