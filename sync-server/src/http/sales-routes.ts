import { MAX_SALES_AMOUNT, MAX_SALES_PAGE, MAX_SALES_RANGE_DAYS } from '@pos/core/sync/head-office-api';
import { Type } from 'typebox';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { Database } from '../db/database';
import type { SaleRow as SaleRowType } from '@pos/core/sync/head-office-api';
import { saleDetail } from '../reporting/sale-detail';
import { requireStore } from '../admin/stores';
import { countSales, positionOf, salesFilters, salesRows, searchSales } from '../reporting/sales-search';
import { adminGuard } from './admin-guard';
import { AdminSecurity, errorResponses, List, StoreId } from './api-schemas';
import { keysetBatches, wordsOf, type ExportColumn } from './export/export-table';
import { exportQueryFields, isFileFormat, sendTableExport } from './export/send-export';
import type { HubApp } from './hub-app';

const tags = ['sales'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Kind = Type.Union([Type.Literal('sale'), Type.Literal('return')]);
const Status = Type.Union([Type.Literal('verified'), Type.Literal('break'), Type.Literal('pending')], {
  description: 'verified: its till’s sale chain verified up to it; break: a break names it; pending: not placed yet',
});
const BusinessDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A business date, YYYY-MM-DD (both ends included)' });
const Amount = Type.Integer({ minimum: 0, maximum: MAX_SALES_AMOUNT, description: 'Minor units, the ticket’s amount whatever its kind' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Money = Type.Integer();

const SalesQuery = Type.Object({
  from: Type.Optional(BusinessDate),
  to: Type.Optional(BusinessDate),
  tillId: Type.Optional(Id),
  receipt: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A receipt code as printed, or a sale id' })),
  minAmount: Type.Optional(Amount),
  maxAmount: Type.Optional(Amount),
  tender: Type.Optional(
    Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$', description: 'A counted tender method: cash, card, gift_card, store_credit' }),
  ),
  cashier: Type.Optional(Id),
  salesperson: Type.Optional(Id),
  kind: Type.Optional(Kind),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SALES_PAGE, description: 'Default 50' })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'The `next` of the page before' })),
  ...exportQueryFields,
});

const SaleRow = Type.Object({
  saleId: Type.String(),
  tillId: Type.String(),
  businessDate: Type.String(),
  completedAt: Type.String(),
  receipt: Type.String({ description: 'The receipt code as printed' }),
  kind: Kind,
  total: Money,
  items: Type.Integer(),
  tenders: Type.Record(Type.String(), Money, { description: 'Amount per counted tender method' }),
  staffId: Type.String(),
  cashierName: Nullable(Type.String()),
  returnOf: Nullable(Type.String()),
  status: Status,
});

const LinkedSale = Type.Object({
  saleId: Type.String(),
  receipt: Type.String(),
  completedAt: Nullable(Type.String()),
  total: Nullable(Money),
});

const ReceiptLine = Type.Object({
  kind: Type.Union([Type.Literal('text'), Type.Literal('rule'), Type.Literal('qrcode')]),
  text: Type.Optional(Type.String()),
  bold: Type.Optional(Type.Boolean()),
  large: Type.Optional(Type.Boolean({ description: 'Printed double width and height: laid out on half the width' })),
  value: Type.Optional(Type.String({ description: 'A QR code’s content' })),
});

const SaleDetail = Type.Object({
  saleId: Type.String(),
  tillId: Type.String(),
  kind: Kind,
  businessDate: Nullable(Type.String()),
  completedAt: Type.String(),
  receipt: Type.String(),
  currency: Type.String(),
  staffId: Type.String(),
  cashierName: Nullable(Type.String()),
  total: Money,
  discountTotal: Money,
  lines: List(
    Type.Object({
      lineId: Type.String(),
      productId: Type.String(),
      name: Type.String(),
      quantity: Type.Number(),
      measure: Type.String(),
      unitPrice: Money,
      lineDiscount: Money,
      net: Money,
      rateBp: Type.Integer(),
      salespersonId: Nullable(Type.String()),
    }),
  ),
  tenders: List(Type.Object({ method: Type.String(), amount: Money, status: Nullable(Type.String()), maskedPan: Nullable(Type.String()) })),
  vat: List(Type.Object({ code: Type.String(), rateBp: Type.Integer(), base: Money, vat: Money, inclusive: Money })),
  receiptText: Nullable(
    Type.Object(
      { width: Type.Integer(), lines: List(ReceiptLine) },
      { description: 'The receipt laid out as the till prints it (core’s layout), on an 80 mm printer’s 42 columns' },
    ),
  ),
  returns: List(LinkedSale, { description: 'Returns of this sale the reports hold' }),
  original: Nullable(LinkedSale),
  fiscal: Type.Object({
    status: Status,
    journal: Nullable(Type.Integer()),
    seq: Type.Integer(),
    verifiedSeq: Type.Integer(),
    breaks: List(Type.Object({ code: Type.String(), problem: Type.String() })),
  }),
});

const KIND_WORDS = { sale: { fr: 'Vente', en: 'Sale' }, return: { fr: 'Retour', en: 'Return' } };
const STATUS_WORDS = {
  verified: { fr: 'Vérifiée', en: 'Verified' },
  break: { fr: 'Rupture', en: 'Break' },
  pending: { fr: 'En attente', en: 'Pending' },
};

/** The Sales list as a file: the columns of the page, the tenders one column each. */
const SALE_COLUMNS: readonly ExportColumn<SaleRowType>[] = [
  { key: 'businessDate', header: { fr: 'Date', en: 'Date' } },
  { key: 'completedAt', header: { fr: 'Heure', en: 'Time' }, type: 'datetime' },
  { key: 'tillId', header: { fr: 'Caisse', en: 'Till' } },
  { key: 'receipt', header: { fr: 'Ticket', en: 'Receipt' } },
  { key: 'kind', header: { fr: 'Type', en: 'Kind' }, value: (r, lang) => wordsOf(KIND_WORDS, r.kind, lang) },
  { key: 'total', header: { fr: 'Montant TTC', en: 'Amount incl. VAT' }, type: 'money' },
  { key: 'cash', header: { fr: 'Espèces', en: 'Cash' }, type: 'money', value: (r) => r.tenders.cash ?? null },
  { key: 'card', header: { fr: 'Carte', en: 'Card' }, type: 'money', value: (r) => r.tenders.card ?? null },
  { key: 'giftCard', header: { fr: 'Carte cadeau', en: 'Gift card' }, type: 'money', value: (r) => r.tenders.gift_card ?? null },
  { key: 'storeCredit', header: { fr: 'Avoir', en: 'Store credit' }, type: 'money', value: (r) => r.tenders.store_credit ?? null },
  { key: 'items', header: { fr: 'Articles', en: 'Items' }, type: 'integer' },
  { key: 'staffId', header: { fr: 'Caissier', en: 'Cashier' }, value: (r) => r.cashierName ?? r.staffId },
  { key: 'returnOf', header: { fr: 'Retour de', en: 'Return of' } },
  { key: 'status', header: { fr: 'Statut fiscal', en: 'Fiscal status' }, value: (r, lang) => wordsOf(STATUS_WORDS, r.status, lang) },
  { key: 'saleId', header: { fr: 'Identifiant', en: 'Sale id' } },
];

/** The back office's Sales page: a store's sales searched in the reporting facts, and one sale with its receipt as printed. */
export function registerSalesRoutes(app: HubApp, options: { db: Database; admin: AdminAuthenticator }): void {
  const { db } = options;
  const preParsing = adminGuard(options.admin);

  app.get(
    '/api/v1/admin/stores/:storeId/sales',
    {
      schema: {
        summary: 'Search a store’s sales and returns, newest first',
        description: `From the reporting facts (verified sales, never training). Business dates (at most ${MAX_SALES_RANGE_DAYS} days), till, receipt code or sale id, amount range, tender, cashier, salesperson, kind; keyset pages of at most ${MAX_SALES_PAGE}. 400 invalid_sales_range, invalid_amount_range, invalid_receipt, invalid_cursor. With format=csv or xlsx: every row as a file (Table exports).`,
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId }),
        querystring: SalesQuery,
        response: { 200: Type.Object({ rows: List(SaleRow), next: Nullable(Type.String()) }), ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request, reply) => {
      const { storeId } = request.params;
      const { format, lang: _lang, ...query } = request.query;
      if (!isFileFormat(format)) return searchSales(db, storeId, query);
      await requireStore(db, storeId);
      const filters = salesFilters(storeId, query);
      return sendTableExport(request, reply, {
        format,
        name: 'sales',
        storeId,
        columns: SALE_COLUMNS,
        batches: keysetBatches((after, size) => salesRows(db, filters, after, size), positionOf),
        totalRows: await countSales(db, filters),
      });
    },
  );

  app.get(
    '/api/v1/admin/stores/:storeId/sales/:saleId',
    {
      schema: {
        summary: 'One sale or return: lines, tenders, VAT, its receipt as printed, its returns and its fiscal status',
        tags,
        security: AdminSecurity,
        params: Type.Object({ storeId: StoreId, saleId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: SaleDetail, ...errorResponses(400, 401, 403, 404) },
      },
      preParsing,
    },
    async (request) => saleDetail(db, request.params.storeId, request.params.saleId),
  );
}
