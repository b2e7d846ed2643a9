import { Type } from 'typebox';
import { decodeCsv } from '../catalog/csv-table';
import { importProductsCsv } from '../catalog/import-products';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, ImportRefusal, ImportResult } from './api-schemas';
import type { HubApp } from './hub-app';

/** A 300,000-product file is about 40 MB. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'];

/** Documented and validated per content type: the file's text, whatever its encoding was. */
const CsvBody = { content: Object.fromEntries(CSV_TYPES.map((t) => [t, { schema: Type.String({ description: 'The CSV file' }) }])) };

/**
 * POST /api/v1/admin/imports/products: the body is the CSV file itself, decoded from UTF-8,
 * UTF-16 or Windows-1252 (what French Excel saves) by its bytes, in a scope of its own so no
 * other route takes CSV.
 */
export function registerImportRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  void app.register(async (scoped: HubApp) => {
    scoped.removeContentTypeParser('text/plain');
    scoped.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
      done(null, decodeCsv(body as Buffer)),
    );
    scoped.post(
      '/api/v1/admin/imports/products',
      {
        schema: {
          summary: 'Import products from a CSV file (all rows or none)',
          description:
            'Columns id, sku, name, barcodes (separated by |), price (euros, decimal comma or point), vat_rate (FR-20, 20, 5,5…), measure (unit or weight), category; comma, semicolon or tab separated. Any row error refuses the whole file with the list of errors.',
          tags: ['catalog'],
          security: AdminSecurity,
          body: CsvBody,
          querystring: Type.Object({
            dryRun: Type.Optional(Type.Boolean({ description: 'Check everything, import nothing' })),
            currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Currency of the prices (default EUR)' })),
          }),
          response: { 200: ImportResult, 422: ImportRefusal, ...errorResponses(400, 401, 413, 415) },
        },
        bodyLimit: MAX_IMPORT_BYTES,
        preParsing: adminGuard(options.admin),
      },
      async (request) => {
        // Only the CSV parser above makes a string: anything else (JSON…) was parsed by another.
        if (typeof request.body !== 'string') {
          throw new HubError(415, 'bad_request', `Send the CSV file itself as the body, with Content-Type ${CSV_TYPES[0]}`);
        }
        const { dryRun, currency } = request.query;
        return importProductsCsv(db, request.body, { ...(dryRun !== undefined ? { dryRun } : {}), ...(currency ? { currency } : {}) });
      },
    );
  });
}
