import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import { MAX_CLOSINGS, storeClosing, storeClosings } from '../closings/closing-report';
import type { Database } from '../db/database';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, StoreId } from './api-schemas';
import type { HubApp } from './hub-app';

const tags = ['fiscal'];
const DateParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A business date, YYYY-MM-DD' });

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
  kind: Type.Union([Type.Literal('z'), Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]),
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
};

const ClosingList = Type.Object({ storeId: Type.String(), closings: List(Type.Object(summaryFields)) });
const ClosingDetail = Type.Object({
  ...summaryFields,
  record: Type.Unknown({ description: 'The closing record exactly as the till sealed it' }),
  recomputed: Type.Unknown({ description: 'Its payload as the hub’s sealed records give it (null while it cannot be computed)' }),
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
          'Z reports, daily, monthly and yearly closings, each with the hub’s recomputation: match, difference, pending or unreadable',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: Type.Object({
          from: Type.Optional(DateParam),
          to: Type.Optional(DateParam),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_CLOSINGS, description: `Default and most ${MAX_CLOSINGS}` })),
        }),
        response: { 200: ClosingList, ...errorResponses(400, 401, 404) },
      },
      preParsing,
    },
    async (request) => ({ storeId: request.params.storeId, closings: await storeClosings(db, request.params.storeId, request.query) }),
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
