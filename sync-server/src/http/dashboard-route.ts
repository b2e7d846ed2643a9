import { isStoreId } from '@pos/core';
import { DASHBOARD_BREAKDOWNS, DASHBOARD_LIMITS, type DashboardAnswer } from '@pos/core/sync/head-office-api';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listStores } from '../admin/stores';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import {
  checkRange,
  comparisonRanges,
  dashboard,
  dashboardBreakdown,
  dashboardRanked,
  dashboardTotals,
  type DashboardRange,
  type KeyedFigures,
} from '../reporting/dashboard-queries';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List } from './api-schemas';
import type { ExportColumn } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';
import { visibleStores } from './store-list-route';

/** A comma list of store ids as a query gives it: at most this long (the longest list of the longest ids). */
const MAX_STORE_LIST_CHARS = DASHBOARD_LIMITS.maxStores * 65;
const DATE = Type.String({ maxLength: 10, description: 'A business date, YYYY-MM-DD (each store’s own, in its time zone)' });

/** The stores named in `?stores=a,b` (null when not given); 400 invalid_store_list on ids that are not ones, or too many. */
export function storesAsked(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  const ids = [...new Set(text.split(',').map((s) => s.trim()))];
  if (text.length > MAX_STORE_LIST_CHARS || ids.length > DASHBOARD_LIMITS.maxStores || !ids.every(isStoreId))
    throw new HubError(400, 'invalid_store_list', `stores: from 1 to ${DASHBOARD_LIMITS.maxStores} store ids, separated by commas`);
  return ids;
}

/**
 * The stores a report covers: those asked, each within `visible` (null: every store), else every
 * store the caller sees. A store the caller does not cover: 403 store_not_covered.
 */
export function scopedStores(asked: readonly string[] | null, visible: readonly string[] | null): readonly string[] | null {
  if (asked === null) return visible;
  const outside = visible === null ? [] : asked.filter((id) => !visible.includes(id));
  if (outside.length > 0) throw new HubError(403, 'store_not_covered', `You do not cover store ${outside[0]}`);
  return asked;
}

function rangeOf(stores: readonly string[], from: string, to: string): DashboardRange {
  const range = { stores, from, to };
  try {
    checkRange(range);
  } catch (error) {
    if (error instanceof RangeError) throw new HubError(400, 'invalid_report_range', `from, to: ${error.message}`);
    throw error;
  }
  return range;
}

/**
 * The names of staff ids in the stores shown: a person's display name, or, for an id the stores
 * give different names (staff are each store's), each name with its store's: 'Alice (Lyon), Bob (Nice)'.
 */
async function staffNames(
  db: Queryable,
  stores: readonly string[],
  staffIds: readonly string[],
  storeNames: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  if (staffIds.length === 0) return {};
  const rows = await db.query<{ store_id: string; staff_id: string; display_name: string }>(
    `SELECT store_id, staff_id, display_name FROM staff WHERE store_id = ANY($1::text[]) AND staff_id = ANY($2::text[])
      ORDER BY staff_id, store_id`,
    [[...stores], [...staffIds]],
  );
  const names: Record<string, string> = {};
  for (const id of new Set(rows.map((r) => r.staff_id))) {
    const same = rows.filter((r) => r.staff_id === id);
    const distinct = new Set(same.map((r) => r.display_name));
    names[id] =
      distinct.size === 1
        ? same[0]!.display_name
        : same.map((r) => `${r.display_name} (${storeNames[r.store_id] ?? r.store_id})`).join(', ');
  }
  return names;
}

/** Names of the stores, products and staff (cashiers, salespeople) a dashboard lists. */
async function namesOf(
  db: Queryable,
  stores: readonly string[],
  products: readonly string[],
  staff: readonly string[] = [],
): Promise<DashboardAnswer['names']> {
  const rows = await db.query<{ id: string; name: string | null }>(
    `SELECT id, doc ->> 'name' AS name FROM catalog_docs WHERE collection = 'products' AND id = ANY($1::text[])`,
    [[...products]],
  );
  const storeNames = Object.fromEntries((await listStores(db, stores)).map((s) => [s.storeId, s.name]));
  return {
    stores: storeNames,
    products: Object.fromEntries(rows.filter((r) => typeof r.name === 'string').map((r) => [r.id, r.name!])),
    staff: await staffNames(db, stores, staff, storeNames),
  };
}

/** The staff ids of the cashier and salesperson rows. */
function staffKeys(...lists: readonly (readonly KeyedFigures[])[]): string[] {
  return [...new Set(lists.flatMap((rows) => rows.map((r) => r.key)))];
}

/** Everything the back office's dashboard shows for stores and business dates, with the periods it is compared with. */
async function dashboardAnswer(db: Database, range: DashboardRange, ranked: number): Promise<DashboardAnswer> {
  const { previous, lastYear } = comparisonRanges(range);
  const [board, before, yearAgo] = await Promise.all([
    dashboard(db, range, 'rollups', ranked),
    dashboardTotals(db, previous),
    dashboardTotals(db, lastYear),
  ]);
  const products = [...new Set([...board.topProducts, ...board.bottomProducts].map((p) => p.key))];
  return {
    stores: range.stores,
    from: range.from,
    to: range.to,
    totals: board.totals,
    previous: { ...before, from: previous.from, to: previous.to },
    lastYear: { ...yearAgo, from: lastYear.from, to: lastYear.to },
    by: board.by,
    topProducts: board.topProducts,
    bottomProducts: board.bottomProducts,
    topCategories: board.topCategories,
    bottomCategories: board.bottomCategories,
    vouchers: board.vouchers,
    names: await namesOf(db, range.stores, products, staffKeys(board.by.cashier, board.by.salesperson)),
  };
}

const Figures = {
  tickets: Type.Integer(),
  returns: Type.Integer(),
  netIncl: Type.Integer({ description: 'Net sales with VAT, minor units, returns subtracted' }),
  netExcl: Type.Integer({ description: 'Net sales without VAT' }),
  returnsIncl: Type.Integer({ description: 'What returns gave back, with VAT (positive)' }),
  discounts: Type.Integer(),
  items: Type.Integer(),
};
const Totals = Type.Object({ ...Figures, averageBasket: Type.Integer(), itemsPerTicket: Type.Number() });
const Period = Type.Object({
  ...Figures,
  averageBasket: Type.Integer(),
  itemsPerTicket: Type.Number(),
  from: Type.String(),
  to: Type.String(),
});
const Row = Type.Object({ key: Type.String(), ...Figures, quantity: Type.Optional(Type.Integer()) });
const Names = Type.Record(Type.String(), Type.String());

/** The tables of a dashboard a file can hold: a breakdown, or a ranking of products or categories. */
const EXPORT_TABLES = [...DASHBOARD_BREAKDOWNS, 'topProducts', 'bottomProducts', 'topCategories', 'bottomCategories'] as const;
type ExportTable = (typeof EXPORT_TABLES)[number];

const money = (key: keyof KeyedFigures, fr: string, en: string): ExportColumn<KeyedFigures> => ({ key, header: { fr, en }, type: 'money' });
const count = (key: keyof KeyedFigures, fr: string, en: string): ExportColumn<KeyedFigures> => ({
  key,
  header: { fr, en },
  type: 'integer',
});

/** The tables whose keys have names: stores, products, staff. */
function namedBy(table: ExportTable): keyof DashboardAnswer['names'] | null {
  if (table === 'store') return 'stores';
  if (table.endsWith('Products')) return 'products';
  return table === 'cashier' || table === 'salesperson' ? 'staff' : null;
}

/** One table of the dashboard as a file's columns: its key (and the store's, product's or person's name), then the figures. */
function exportColumns(table: ExportTable, names: Readonly<Record<string, string>>): ExportColumn<KeyedFigures>[] {
  const ranked = !(DASHBOARD_BREAKDOWNS as readonly string[]).includes(table);
  const named = namedBy(table) !== null;
  return [
    { key: 'key', header: { fr: 'Clé', en: 'Key' } },
    ...(named ? [{ key: 'name', header: { fr: 'Nom', en: 'Name' }, value: (row: KeyedFigures) => names[row.key] ?? null }] : []),
    money('netIncl', 'Net TTC', 'Net incl. VAT'),
    money('netExcl', 'Net HT', 'Net excl. VAT'),
    count('tickets', 'Tickets', 'Tickets'),
    count('returns', 'Retours', 'Returns'),
    money('returnsIncl', 'Retours TTC', 'Returned incl. VAT'),
    money('discounts', 'Remises', 'Discounts'),
    count('items', 'Articles', 'Items'),
    ...(ranked ? [count('quantity', 'Quantité', 'Quantity')] : []),
  ];
}

/** The rows of one table of the dashboard. */
async function exportRows(db: Database, range: DashboardRange, table: ExportTable, ranked: number): Promise<KeyedFigures[]> {
  if (table === 'topProducts' || table === 'bottomProducts') return dashboardRanked(db, range, 'product', table === 'topProducts', ranked);
  if (table === 'topCategories' || table === 'bottomCategories')
    return dashboardRanked(db, range, 'category', table === 'topCategories', ranked);
  return dashboardBreakdown(db, range, table);
}

/** The store list the caller may read reports of, or null for every store. */
export async function reportStores(db: Database, request: FastifyRequest, text: string | undefined): Promise<readonly string[]> {
  const stores = scopedStores(storesAsked(text), await visibleStores(db, request));
  return stores ?? (await listStores(db, null)).map((s) => s.storeId);
}

/** GET /api/v1/admin/reports/dashboard: the dashboard's figures (issue 13), from the reporting roll-ups. */
export function registerDashboardRoute(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  app.get(
    '/api/v1/admin/reports/dashboard',
    {
      schema: {
        summary: 'Sales figures of stores over business dates, with the previous period and the same period last year',
        description:
          'Net sales with and without VAT, tickets, average basket, items per ticket, returns and discounts; by store, day, ISO weekday, hour, till, channel, cashier, salesperson, tender, VAT rate and category; top and bottom products and categories. Training sales are never counted. Dates are each store’s business dates. `stores` defaults to every store the caller covers; one it does not cover: 403 store_not_covered.',
        tags: ['admin'],
        security: AdminSecurity,
        querystring: Type.Object({
          stores: Type.Optional(Type.String({ maxLength: MAX_STORE_LIST_CHARS, description: 'Store ids separated by commas' })),
          from: DATE,
          to: DATE,
          ranked: Type.Optional(Type.Integer({ minimum: 1, maximum: DASHBOARD_LIMITS.maxRanked, default: 10 })),
          table: Type.Optional(
            Type.Union(
              EXPORT_TABLES.map((t) => Type.Literal(t)),
              { description: 'With format=csv|xlsx: the table the file holds (default store)' },
            ),
          ),
          ...exportQueryFields,
        }),
        response: {
          200: Type.Object({
            stores: List(Type.String()),
            from: Type.String(),
            to: Type.String(),
            totals: Totals,
            previous: Period,
            lastYear: Period,
            by: Type.Object(Object.fromEntries(DASHBOARD_BREAKDOWNS.map((b) => [b, List(Row)]))),
            topProducts: List(Row),
            bottomProducts: List(Row),
            topCategories: List(Row),
            bottomCategories: List(Row),
            vouchers: Type.Object(
              {
                giftCardsSold: Type.Integer(),
                giftCardsRedeemed: Type.Integer(),
                storeCreditIssued: Type.Integer(),
                storeCreditRedeemed: Type.Integer(),
              },
              {
                description:
                  'Gift cards sold vs redeemed, store credit given vs redeemed: apart from revenue (never in totals nor by.tender)',
              },
            ),
            names: Type.Object({ stores: Names, products: Names, staff: Names }),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
      preParsing: adminGuard(options.admin),
    },
    async (request, reply) => {
      const { from, to, ranked, format, table = 'store' } = request.query;
      const stores = await reportStores(options.db, request, request.query.stores);
      const range = rangeOf(stores, from, to);
      if (!isFileFormat(format)) return dashboardAnswer(options.db, range, ranked ?? 10);
      const rows = await exportRows(options.db, range, table, ranked ?? 10);
      const named = namedBy(table);
      const keys = rows.map((r) => r.key);
      const names = await namesOf(
        options.db,
        named === 'products' ? [] : stores,
        named === 'products' ? keys : [],
        named === 'staff' ? keys : [],
      );
      return sendTableExport(request, reply, {
        format,
        name: `dashboard-${table}`,
        storeId: stores.length === 1 ? stores[0]! : null,
        columns: exportColumns(table, named === null ? {} : names[named]),
        batches: (async function* () {
          yield rows;
        })(),
        totalRows: rows.length,
      });
    },
  );
}
