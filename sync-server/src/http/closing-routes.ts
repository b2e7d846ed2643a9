import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { CLOSING_COLUMNS } from '../closings/closing-export';
import { closingBatches, countClosings, MAX_CLOSINGS, storeClosing, storeClosings } from '../closings/closing-report';
import type { Database } from '../db/database';
import { checkDatePeriod } from '../errors/list-period';
import { JET_COLUMNS } from '../fiscal/jet-export';
import { checkJetRequest, jetBatches, storeJet } from '../fiscal/jet-events';
import { MAX_JET_PAGE } from '@pos/core/sync/head-office-closings';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, StoreId } from './api-schemas';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';

const tags = ['fiscal'];
const DateParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A business date, YYYY-MM-DD' });

const Kind = Type.Union([Type.Literal('z'), Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]);

const Difference = Type.Object({
  figure: Type.String({ description: 'The figure’s path: total.net, byTender.cash.amount.sales, figures.cash.expected…' }),
  sealed: Type.Unknown({ description: 'As the till sealed it (null: absent)' }),
  recomputed: Type.Unknown({ description: 'As the hub’s records give it (null: absent)' }),
});

const Missing = Type.Object({
  chain: Type.String(),
  from: Type.Integer(),
  to: Type.Union([Type.Integer(), Type.Null()], { description: 'null: open-ended (records may still be on their way)' }),
  why: Type.String(),
});

const summaryFields = {
  tillId: Type.String(),
  seq: Type.Integer({ description: 'The closing’s sequence on the till’s closing chain' }),
  journal: Type.Integer(),
  kind: Kind,
  sessionId: Type.Union([Type.String(), Type.Null()], { description: 'A Z’s cash session' }),
  businessDate: Type.Union([Type.String(), Type.Null()], {
    description: 'A Z’s or daily closing’s business date; a monthly closing’s month (YYYY-MM), a yearly one’s fiscal year (YYYY)',
  }),
  sealedAt: Type.String(),
  status: Type.String({ description: 'match, difference, pending (records still missing) or unreadable' }),
  differences: List(Difference),
  missing: List(Missing),
  problem: Type.Union([Type.String(), Type.Null()], { description: 'Why an unreadable closing could not be recomputed' }),
  checkedAt: Type.String(),
  totals: Type.Object(
    {
      currency: Type.Union([Type.String(), Type.Null()]),
      net: Type.Union([Type.Integer(), Type.Null()], { description: 'Net sales including VAT (sales less returns), in minor units' }),
      tickets: Type.Union([Type.Integer(), Type.Null()], { description: 'Receipts counted: sales and returns' }),
      cashVariance: Type.Union([Type.Integer(), Type.Null()], {
        description: 'A Z’s cash variance (counted less expected); null otherwise',
      }),
    },
    { description: 'Key figures as the till sealed them; null where absent or unreadable' },
  ),
};

const ClosingList = Type.Object({ storeId: Type.String(), closings: List(Type.Object(summaryFields)) });
const ClosingDetail = Type.Object({
  ...summaryFields,
  record: Type.Unknown({ description: 'The closing record exactly as the till sealed it' }),
  recomputed: Type.Unknown({ description: 'Its payload as the hub’s sealed records give it (null while it cannot be computed)' }),
});

const JetEntry = Type.Object({
  tillId: Type.String(),
  journal: Type.Integer(),
  seq: Type.Integer(),
  sealedAt: Type.String(),
  type: Type.String({ description: 'The event’s type: till.start, sale.void… (docs/fiscal.md §6)' }),
  code: Type.Union([Type.Integer(), Type.Null()], { description: 'Its NF525 JET code; null where it has none' }),
  staffId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'The event’s other fields, as sealed' }),
  status: Type.String({ description: 'verified or broken' }),
});

const JetQuery = Type.Object({
  tillId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  from: Type.Optional(DateParam),
  to: Type.Optional(DateParam),
  type: Type.Optional(Type.String({ pattern: '^[a-z][a-z.-]{0,39}$', description: 'An event type (sale.void)' })),
  code: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'A JET code (190)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_JET_PAGE, description: `Default 100, at most ${MAX_JET_PAGE}` })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The `next` of the page before' })),
  ...exportQueryFields,
});

/** Head office's view of the closings (Z, daily, monthly, yearly) the hub recomputed from the sealed records (src/closings). */
export function registerClosingRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/stores/:storeId/closings',
    {
      schema: {
        summary:
          'Z reports, daily, monthly and yearly closings, each with its key figures and the hub’s recomputation: match, difference, pending or unreadable',
        description: 'With `format=csv|xlsx`: every closing the filters select, as a file (sync-server/README.md, Table exports).',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: Type.Object({
          from: Type.Optional(DateParam),
          to: Type.Optional(DateParam),
          kind: Type.Optional(Kind),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_CLOSINGS, description: `Default and most ${MAX_CLOSINGS}` })),
          ...exportQueryFields,
        }),
        response: { 200: ClosingList, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request, reply) => {
      const { storeId } = request.params;
      const { format, lang: _lang, limit, ...filters } = request.query;
      checkDatePeriod(filters, 'bad_request');
      if (!isFileFormat(format))
        return { storeId, closings: await storeClosings(db, storeId, { ...filters, ...(limit ? { limit } : {}) }) };
      const totalRows = await countClosings(db, storeId, filters);
      return sendTableExport(request, reply, {
        format,
        name: 'closings',
        storeId,
        columns: CLOSING_COLUMNS,
        batches: closingBatches(db, storeId, filters),
        totalRows,
      });
    },
  );

  app.get(
    '/api/v1/admin/stores/:storeId/jet',
    {
      schema: {
        summary: 'The technical event journal (JET) of a store’s tills, as the hub placed it on their event chains, newest first',
        description:
          'Filters: till, sealing dates (UTC, inclusive), event type, JET code; keyset pages (`next`). With `format=csv|xlsx`: every entry selected, as a file (no X-Total-Rows: counting would read them all).',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: JetQuery,
        response: {
          200: Type.Object({ events: List(JetEntry), next: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 404),
        },
      },
      preParsing,
    },
    async (request, reply) => {
      const { storeId } = request.params;
      const { format, lang: _lang, limit, cursor, ...filters } = request.query;
      if (!isFileFormat(format)) return storeJet(db, storeId, filters, { limit: limit ?? 100, ...(cursor ? { cursor } : {}) });
      await checkJetRequest(db, storeId, filters);
      return sendTableExport(request, reply, {
        format,
        name: 'jet',
        storeId,
        columns: JET_COLUMNS,
        batches: jetBatches(db, storeId, filters),
        totalRows: null,
      });
    },
  );

  app.get(
    '/api/v1/admin/stores/:storeId/closings/:tillId/:seq',
    {
      schema: {
        summary: 'One closing with both figure sets: as sealed by the till, and as the hub recomputed it',
        tags,
        security: AdminSecurity,
        params: Type.Object({
          storeId: StoreId,
          tillId: Type.String({ minLength: 1, maxLength: 64 }),
          seq: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
        }),
        response: { 200: ClosingDetail, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => storeClosing(db, request.params.storeId, request.params.tillId, request.params.seq),
  );
}
