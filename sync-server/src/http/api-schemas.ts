import { MANUAL_STOCK_MOVEMENT_KINDS } from '@pos/core/sync/stock';
import { PAPER_RECEIPT_POLICIES } from '@pos/core/receipt/receipt-settings';
import { Type, type TSchema } from 'typebox';
import { MAX_BARCODES, MAX_PRICE } from '../catalog/product-checks';
import { QuickKeys } from './quick-keys-schema';

/**
 * The shapes of the hub's HTTP API, once: Fastify validates requests and serialises answers
 * with them, and @fastify/swagger publishes them at /openapi.json. A refusal's extra lists
 * (problems, row errors) are declared too, since the serialiser drops undeclared fields.
 */

/** A list in an answer: read-only, so the hub's read-only values type-check against it. */
export function List<T extends TSchema>(items: T, options: Parameters<typeof Type.Array>[1] = {}) {
  return Type.Immutable(Type.Array(items, options));
}

export const ErrorBody = Type.Object(
  {
    error: Type.String({ description: 'Stable code (core SyncErrorCode / AdminErrorCode)' }),
    message: Type.String({ description: 'Words for a person' }),
  },
  { description: 'A refused request' },
);

const FieldProblem = Type.Object({
  field: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String({ description: 'Stable code of the problem, where it has one (a tile: quick_key_colour…)' })),
  params: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'The values the code’s words name' })),
});

export const ProblemsBody = Type.Object(
  { error: Type.String(), message: Type.String(), problems: Type.Optional(List(FieldProblem)) },
  { description: 'A refused request; `problems` lists every field that is wrong' },
);

export const ImportRowError = Type.Object({
  row: Type.Integer({ description: 'As a spreadsheet numbers it: the header is row 1' }),
  column: Type.String({ description: 'Column name, empty when the whole row or file is concerned' }),
  message: Type.String(),
  code: Type.Optional(Type.String({ description: 'Stable code (core ImportErrorCode), for the back office to say it in its language' })),
  params: Type.Optional(
    Type.Record(Type.String(), Type.String(), { description: 'The values the code’s words name (barcode, otherRow…)' }),
  ),
});

export const ImportRefusal = Type.Object(
  {
    error: Type.String(),
    message: Type.String(),
    errorCount: Type.Optional(Type.Integer()),
    errors: Type.Optional(List(ImportRowError, { description: 'The first 1,000 row errors' })),
  },
  { description: 'Nothing was imported' },
);

/** The usual refusals of a route, by status: `errorResponses(401, 404)`. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}

/** Refusals every sync route may give: token, collection, schema version, direction, rate, shutdown. */
export const SYNC_REFUSALS = errorResponses(400, 401, 404, 405, 409, 426, 429, 503);

export const AdminSecurity = [{ adminToken: [] }];
export const DeviceSecurity = [{ deviceToken: [] }];

export const StoreId = Type.String({ minLength: 1, maxLength: 64, description: 'Store id, e.g. S001' });
export const ProductId = Type.String({ minLength: 1, maxLength: 64, description: 'Product id, e.g. prd-0001234' });

const Measure = Type.Union([Type.Literal('unit'), Type.Literal('weight')], {
  description: 'unit: sold by the piece; weight: price per kg, quantities in grams',
});
const Price = Type.Integer({ minimum: 0, maximum: MAX_PRICE, description: 'VAT-inclusive, in minor units (cents): per piece, or per kg' });

export const ProductBody = Type.Object({
  sku: Type.String({ maxLength: 64 }),
  name: Type.String({ maxLength: 200 }),
  barcodes: Type.Array(Type.String({ maxLength: 64 }), {
    maxItems: MAX_BARCODES,
    description: 'GTINs (EAN-13, EAN-8, UPC-A, GTIN-14) with a valid check digit, or internal codes',
  }),
  price: Price,
  currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217, e.g. EUR' }),
  vatRateId: Type.String({
    maxLength: 32,
    description: 'A VAT rate id of a store’s settings or a French rate (FR-2.1, FR-5.5, FR-10, FR-20)',
  }),
  measure: Measure,
  category: Type.Optional(Type.String({ maxLength: 100 })),
  disabled: Type.Optional(Type.Boolean({ description: 'Withdrawn: still found by code (returns), not sellable' })),
  service: Type.Optional(
    Type.Boolean({ description: 'A service (prestation): from 25 € TTC of them a sale always prints its note (arrêté 83-50/A)' }),
  ),
});

export const Product = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  barcodes: List(Type.String()),
  words: List(Type.String(), { description: 'Search words of the name, computed by the hub' }),
  price: Type.Integer(),
  currency: Type.String(),
  vatRateId: Type.String(),
  measure: Measure,
  category: Type.String(),
  disabled: Type.Optional(Type.Boolean()),
  service: Type.Optional(Type.Literal(true)),
});

export const ProductWriteResult = Type.Object({
  product: Product,
  deleted: Type.Boolean(),
  seq: Type.Integer({ description: 'Its catalog sequence (the checkpoint tills pull by)' }),
});

export const PriceChange = Type.Object({ price: Price });

export const ImportResult = Type.Object({
  rows: Type.Integer(),
  written: Type.Integer({ description: 'Created or changed (a dry run: would be)' }),
  unchanged: Type.Integer(),
  dryRun: Type.Boolean(),
  lastSeq: Type.Union([Type.Integer(), Type.Null()]),
});

const VatRate = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 32 }),
  rateBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points: 2000 = 20 %' }),
  code: Type.String({ minLength: 1, maxLength: 2, description: 'Letter printed beside receipt lines' }),
  label: Type.String({ minLength: 1, maxLength: 40 }),
  validFrom: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'In force from this instant (inclusive): a rate change lists the id again with the new rate',
    }),
  ),
  validUntil: Type.Optional(Type.String({ format: 'date-time', description: 'In force until this instant (exclusive)' })),
});

const Layout = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  prefixes: Type.Array(Type.String({ pattern: '^[0-9]{2}$' }), { minItems: 1 }),
  itemDigits: Type.Integer({ minimum: 1, maximum: 9 }),
  valueDigits: Type.Integer({ minimum: 1, maximum: 9 }),
  valueKind: Type.Union([Type.Literal('weight_g'), Type.Literal('price_minor')]),
});

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Lines = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 });

/** A store profile (core StoreProfile) without a till's identity. */
export const StoreSettingsBody = Type.Object({
  tillLabel: Type.Optional(Type.String({ maxLength: 40, description: 'Default till label on receipts; each till may keep its own' })),
  name: Text(200),
  legalName: Text(200),
  addressLines: Lines,
  vatNumber: Text(32),
  siret: Type.Optional(Type.String({ maxLength: 32 })),
  phone: Type.Optional(Type.String({ maxLength: 32 })),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  receiptLocale: Text(35),
  timeZone: Text(64),
  dayStartHour: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 23,
      description: 'Hour (store time) the business day starts: sales before it belong to the day before; default 0 (midnight)',
    }),
  ),
  vatRates: Type.Array(VatRate, { minItems: 1, maxItems: 20 }),
  variableMeasureLayouts: Type.Array(Layout, { maxItems: 20 }),
  cashRounding: Type.Object({ step: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
  quickCashAmounts: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 12 }),
  maxCashierDiscountBp: Type.Integer({ minimum: 0, maximum: 10_000 }),
  autoLockMinutes: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 240, description: 'Minutes without input before a till locks (cart kept); 0: never; default 5' }),
  ),
  cashSession: Type.Optional(
    Type.Union([Type.Literal('required'), Type.Literal('optional')], {
      description: 'required: no sale without an open cash session; optional (default): sales without one while none is open',
    }),
  ),
  varianceLimit: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000,
      description: 'Variance per tender (minor units) above which a cash close needs a manager; default 500',
    }),
  ),
  fiscalYearStartMonth: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 12, description: 'Month (1–12) the fiscal year starts, for yearly closings; default 1' }),
  ),
  receiptFooter: Lines,
  priceListId: Type.Optional(Type.String({ maxLength: 64 })),
  loyaltySignupUrl: Type.Optional(
    Type.String({ format: 'uri', maxLength: 300, description: 'Shown as a QR code on the idle customer display' }),
  ),
  quickKeys: Type.Optional(QuickKeys),
  receipt: Type.Optional(
    Type.Object(
      {
        paper: Type.Union(
          PAPER_RECEIPT_POLICIES.map((p) => Type.Literal(p)),
          {
            description:
              'ask: the till asks after each sale (the law since August 2023); always: prints every receipt; never: prints on request only',
          },
        ),
        digitalBaseUrl: Type.Optional(
          Type.String({
            format: 'uri',
            maxLength: 300,
            description: 'Where customers’ phones reach this hub: digital receipt links start there',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  ),
});

export const SettingsWriteResult = Type.Object({ storeId: Type.String(), changed: Type.Boolean(), seq: Type.Integer() });

export const StockMovementsBody = Type.Object({
  movements: Type.Array(
    Type.Object({
      movementId: Type.String({ minLength: 1, maxLength: 128, description: 'Head office’s id: a movement already recorded is ignored' }),
      productId: ProductId,
      kind: Type.Union(MANUAL_STOCK_MOVEMENT_KINDS.map((k) => Type.Literal(k))),
      quantity: Type.Optional(
        Type.Integer({
          description:
            'Pieces, or grams for weighed products: positive for receipt, transfer_in, transfer_out; the signed difference for count_adjustment',
        }),
      ),
      counted: Type.Optional(
        Type.Integer({
          minimum: 0,
          description:
            'count_adjustment only, instead of quantity: the quantity counted; the hub records the difference to its level then (0 when they agree)',
        }),
      ),
    }),
  ),
});

export const StockMovementsResult = Type.Object({
  recorded: Type.Integer(),
  alreadyRecorded: Type.Integer(),
  levels: List(Type.Object({ productId: Type.String(), level: Type.Integer() })),
});

export const StockExceptions = Type.Object({
  exceptions: List(
    Type.Object({
      storeId: Type.String(),
      productId: Type.String(),
      level: Type.Integer({ description: 'Negative: sold more than the ledger had' }),
      updatedAt: Type.String(),
      sku: Type.Union([Type.String(), Type.Null()]),
      name: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

const ChainName = Type.String({ description: 'sale, event, duplicate or closing' });

export const StoreChains = Type.Object({
  storeId: Type.String(),
  verifiedThrough: Type.Integer({ description: 'The store sequence the verifier has read up to' }),
  feedSeq: Type.Integer({ description: 'Records in the store’s verified feed (what projections consume)' }),
  tills: List(
    Type.Object({
      tillId: Type.String(),
      invalidSales: Type.Integer({ description: 'Sales with a sound chain whose figures do not add up (incidents, never projected)' }),
      chains: List(
        Type.Object({
          chain: ChainName,
          journal: Type.Integer({ description: '1, then one more each time the chain restarted at 1 (a lost journal)' }),
          verifiedSeq: Type.Integer({ description: 'Verified up to this sequence (0: nothing yet)' }),
          verifiedHash: Type.String(),
          updatedAt: Type.Union([Type.String(), Type.Null()]),
          pending: Type.Object(
            {
              records: Type.Integer(),
              lowestSeq: Type.Union([Type.Integer(), Type.Null()]),
              since: Type.Union([Type.String(), Type.Null()]),
            },
            { description: 'Records waiting for an earlier one (a gap within its grace period) or for a key' },
          ),
          breaks: Type.Integer({ description: 'Problems found on this chain (GET …/chain-breaks lists them)' }),
          gaps: List(
            Type.Object({
              journal: Type.Integer(),
              from: Type.Integer(),
              to: Type.Integer(),
              open: Type.Boolean({ description: 'Some of these records have still not arrived' }),
            }),
          ),
          lostJournals: List(
            Type.Object({
              journal: Type.Integer({ description: 'The journal that began at the restart' }),
              docId: Type.Union([Type.String(), Type.Null()]),
              foundAt: Type.String(),
              previousHead: Type.Unknown({ description: '{seq, hash} of the chain before it restarted' }),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const ChainBreaks = Type.Object({
  breaks: List(
    Type.Object({
      tillId: Type.String(),
      chain: ChainName,
      journal: Type.Integer(),
      seq: Type.Integer({ description: 'The record’s sequence (for a gap: the first one missing)' }),
      collection: Type.Union([Type.String(), Type.Null()]),
      docId: Type.Union([Type.String(), Type.Null()]),
      code: Type.String({
        description:
          'shape, schema, sequence, link, hash, key, signature, rotation, document, other-till, fork, gap, lost-journal, dropped-tail, unreadable',
      }),
      problem: Type.String({ description: 'Words for a person' }),
      details: Type.Unknown(),
      foundAt: Type.String(),
      record: Type.Unknown({ description: 'The exact sealed record as stored (null for a gap)' }),
    }),
  ),
});
