import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { csvChunks } from './csv-writer';
import { exportLanguage, type ExportColumn, type ExportFormat } from './export-table';
import { writeXlsx } from './xlsx-writer';

/**
 * The export convention of every list route (sync-server/README.md, "Table exports"): the list's
 * own URL with `?format=csv` or `?format=xlsx` (and `lang=fr|en`, else Accept-Language) answers
 * the same rows, every page of them, as a file. Spread into the route's querystring schema.
 */
export const exportQueryFields = {
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], {
      description: 'json (the default): the list; csv or xlsx: every row as a file, streamed (Content-Disposition, X-Total-Rows)',
    }),
  ),
  lang: Type.Optional(
    Type.Union([Type.Literal('fr'), Type.Literal('en')], {
      description: 'The file’s headers and CSV dialect (fr: `;` and decimal comma; en: `,` and decimal point); else Accept-Language',
    }),
  ),
};

/** Whether the query asks for a file rather than the JSON list. */
export function isFileFormat(format: string | undefined): format is ExportFormat {
  return format === 'csv' || format === 'xlsx';
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type TableExportRequest<Row> = {
  readonly format: ExportFormat;
  /** What is exported, in the file's name and as the sheet's name: 'closings', 'staff'… */
  readonly name: string;
  /** The store, in the file's name (null for a chain-wide table). */
  readonly storeId: string | null;
  readonly columns: readonly ExportColumn<Row>[];
  readonly batches: AsyncIterable<readonly Row[]>;
  /** The number of rows when a count is cheap (sent as X-Total-Rows for the page's progress bar), else null. */
  readonly totalRows: number | null;
};

/** `closings-S1-2026-12-07.csv`: what, which store, the day exported (UTC); letters, digits, `.`, `_` and `-` only. */
export function exportFileName(name: string, storeId: string | null, format: ExportFormat, now = new Date()): string {
  const base = [name, storeId, now.toISOString().slice(0, 10)].filter((part) => part !== null).join('-');
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
}

/**
 * Sends a table as a CSV or XLSX file, streamed (chunked, no Content-Length) as its batches are
 * read. Refuse what can be refused (unknown store, bad filters) before calling this: once the
 * first byte is out, a failure can only cut the download, which the page reports as failed.
 *
 *   async (request, reply) => {
 *     const { format, lang, ...filters } = request.query;
 *     if (!isFileFormat(format)) return { closings: await storeClosings(db, storeId, filters) };
 *     await knownStore(db, storeId);
 *     return sendTableExport(request, reply, { format, name: 'closings', storeId, columns: CLOSING_COLUMNS,
 *       batches: closingBatches(db, storeId, filters), totalRows: await countClosings(db, storeId, filters) });
 *   }
 */
export function sendTableExport<Row>(
  request: FastifyRequest<{ Querystring: { lang?: string } }>,
  reply: FastifyReply,
  table: TableExportRequest<Row>,
): FastifyReply {
  const lang = exportLanguage(request.query.lang, request.headers['accept-language']);
  const content = { columns: table.columns, batches: table.batches, lang };
  let body: Readable;
  if (table.format === 'csv') {
    body = Readable.from(csvChunks(content), { objectMode: false });
  } else {
    const out = new PassThrough();
    writeXlsx(content, out, table.name).catch((error: unknown) => {
      request.log.error({ err: error, export: table.name }, 'table export failed');
      out.destroy(error as Error);
    });
    body = out;
  }
  body.on('error', (error) => request.log.error({ err: error, export: table.name }, 'table export failed'));
  if (table.totalRows !== null) void reply.header('x-total-rows', String(table.totalRows));
  return reply
    .header('content-type', CONTENT_TYPES[table.format])
    .header('content-disposition', `attachment; filename="${exportFileName(table.name, table.storeId, table.format)}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
