import type { Product } from '../catalog/product';
import type { ManualStockMovementKind, StockMovementKind } from './stock';

/**
 * Wire shapes of the hub's head-office routes (/api/v1/admin/…, admin token), for the hub's
 * command line and the head-office dashboard. Refusals are `{error, message}` like every hub
 * refusal, with the details below where a list helps a person fix their input.
 */

/**
 * PUT /api/v1/admin/products/:id: the product without its id (in the path) and search words
 * (computed); no category is ''; `service` a boolean, kept on the product only when true.
 */
export type ProductBody = Omit<Product, 'id' | 'words' | 'category' | 'service'> & {
  readonly category?: string;
  readonly service?: boolean;
};

/** PATCH /api/v1/admin/products/:id */
export type PriceChange = { readonly price: number };

/** Answer of every product write: the product as tills will get it, and its catalog sequence. */
export type ProductWriteResult = { readonly product: Product; readonly deleted: boolean; readonly seq: number };

/**
 * One thing wrong with a submitted document (422 invalid_product / invalid_settings: `problems`);
 * `code` where the problem has a stable one (a store's tiles: core QuickKeyProblemCode).
 */
export type FieldProblem = {
  readonly field: string;
  readonly message: string;
  readonly code?: string;
  /** The values the code's words name (a product's problems: core ImportErrorCode's params). */
  readonly params?: Readonly<Record<string, string>>;
};

/**
 * One thing wrong in a CSV file: `row` as a spreadsheet numbers it (the header is row 1). `code`
 * (ImportErrorCode) and its `params` let the back office say it in its own language.
 */
export type ImportRowError = {
  readonly row: number;
  readonly column: string;
  readonly message: string;
  readonly code?: ImportErrorCode;
  readonly params?: Readonly<Record<string, string>>;
};

/** Stable codes of import row errors and product problems (params in parentheses). */
export type ImportErrorCode =
  | 'empty_file'
  | 'unreadable_csv' // (line)
  | 'unknown_column' // (name)
  | 'duplicate_column'
  | 'missing_column'
  | 'cell_count' // (cells, expected)
  | 'required'
  | 'invalid_price' // (value)
  | 'invalid_vat_rate' // (value)
  | 'ambiguous_vat_rate' // (value, ids)
  | 'unknown_vat_rate' // (value)
  | 'invalid_measure' // (value)
  | 'invalid_service' // (value)
  | 'invalid_id'
  | 'invalid_sku'
  | 'invalid_name'
  | 'too_many_barcodes' // (max)
  | 'barcode_check_digit' // (barcode, expected)
  | 'invalid_barcode' // (barcode)
  | 'price_range' // (max)
  | 'invalid_currency' // (value)
  | 'category_too_long'
  | 'duplicate_id' // (otherRow)
  | 'duplicate_barcode' // (barcode, otherRow)
  | 'barcode_taken' // (barcode, ownerId, ownerName)
  | 'no_rows';

/** 422 invalid_import: nothing was imported. `errors` holds at most the first 1,000 of `errorCount`. */
export type ImportRefusal = {
  readonly error: 'invalid_import';
  readonly message: string;
  readonly errorCount: number;
  readonly errors: readonly ImportRowError[];
};

/** GET /api/v1/admin/products: live products in id order; `next` is the `after` of the next page (null: the last). */
export type ProductPage = { readonly products: readonly Product[]; readonly next: string | null };

/** GET /api/v1/admin/products: search (name words by prefix, or an exact id, SKU or barcode), category, keyset page. */
export type ProductQuery = { readonly q?: string; readonly category?: string; readonly after?: string; readonly limit?: number };

/** GET /api/v1/admin/products/:id: the product as stored, a deleted one (tombstone) included. */
export type ProductRead = ProductWriteResult;

/** GET /api/v1/admin/categories: the categories of live products, sorted; `truncated` past the first 1,000. */
export type CategoryList = { readonly categories: readonly string[]; readonly truncated: boolean };

export type ProductImportResult = {
  readonly rows: number;
  /** Products created or changed (each with a new catalog sequence); the others were already so. */
  readonly written: number;
  readonly unchanged: number;
  readonly dryRun: boolean;
  /** The newest catalog sequence written, null when nothing was. */
  readonly lastSeq: number | null;
};

/**
 * POST /api/v1/admin/stores/:storeId/stock-movements. `quantity` is in the product's unit
 * (pieces, or grams): a positive count for receipt, transfer_in and transfer_out (the kind gives
 * the direction), the signed difference found for count_adjustment (−2: two missing).
 * Idempotent by `movementId`: one already recorded is ignored.
 */
export type StockMovementInput = {
  readonly movementId: string;
  readonly productId: string;
  readonly kind: ManualStockMovementKind;
  /** Required unless `counted` is given. */
  readonly quantity?: number;
  /**
   * count_adjustment only, instead of `quantity`: the quantity counted on the shelf. The hub
   * records the difference to the level it holds at that moment (0 when they agree).
   */
  readonly counted?: number;
};

/** A product's stock level in a store after a write (in the product's unit: pieces, or grams). */
export type StockLevelOf = { readonly productId: string; readonly level: number };

export type StockMovementsResult = {
  readonly recorded: number;
  readonly alreadyRecorded: number;
  readonly levels: readonly StockLevelOf[];
};

/** GET /api/v1/admin/stock/exceptions: a product a store sold more of than it had. */
export type StockException = {
  readonly storeId: string;
  readonly productId: string;
  readonly level: number;
  readonly updatedAt: string;
  readonly sku: string | null;
  readonly name: string | null;
};

/** GET /api/v1/admin/stores/:storeId/stock: one product's level in the store. */
export type StockLevelRow = {
  readonly productId: string;
  readonly sku: string | null;
  readonly name: string | null;
  readonly level: number;
  readonly updatedAt: string;
};

/** A page of a list read by keyset: `next` is the cursor of the following page, null after the last. */
export type StockPage<T> = { readonly rows: readonly T[]; readonly next: string | null };

/** GET /api/v1/admin/stores/:storeId/stock/movements: one ledger movement, newest first. */
export type StockMovementRow = {
  readonly movementId: string;
  readonly productId: string;
  readonly name: string | null;
  readonly kind: StockMovementKind;
  readonly quantityDelta: number;
  /** 'sales' (a till's sale), 'admin' (head office's movement) or 'transfer' (POST /stock-transfers). */
  readonly sourceCollection: string;
  readonly sourceId: string;
  readonly createdAt: string;
};

export const MAX_TRANSFER_LINES = 200;
export const MAX_TRANSFER_NOTE_LENGTH = 500;

/** POST /api/v1/admin/stock-transfers: `id` is made by the client; the same body again is the same transfer. */
export type StockTransferInput = {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
  readonly note?: string;
};

export type StockTransferResult = {
  readonly id: string;
  /** False when this id was recorded before with this body: nothing moved again. */
  readonly applied: boolean;
  readonly createdAt: string;
  readonly levels: {
    readonly from: readonly StockLevelOf[];
    readonly to: readonly StockLevelOf[];
  };
};

/** GET /api/v1/admin/reports/dashboard: sums over stores and business dates, amounts in minor units, net of returns. */
export type DashboardFigures = {
  readonly tickets: number;
  readonly returns: number;
  /** Net sales with VAT (returns subtracted). */
  readonly netIncl: number;
  /** Net sales without VAT. */
  readonly netExcl: number;
  /** What the returns gave back, with VAT (positive). */
  readonly returnsIncl: number;
  readonly discounts: number;
  /** Pieces sold (a weighed line counts one). */
  readonly items: number;
  /** Products and categories only: pieces, or grams of weighed products. */
  readonly quantity?: number;
};

export type DashboardTotals = DashboardFigures & {
  /** Net sales with VAT per ticket (rounded), 0 without tickets. */
  readonly averageBasket: number;
  /** Items per ticket, two decimals, 0 without tickets. */
  readonly itemsPerTicket: number;
};

/** One key of a breakdown: a store id, a day, an ISO weekday (1 Monday … 7 Sunday), an hour (0–23), `store/till`, a method, a VAT rate in basis points… */
export type DashboardRow = DashboardFigures & { readonly key: string };

/** The breakdowns of a dashboard, each ordered by key. */
export const DASHBOARD_BREAKDOWNS = [
  'store',
  'day',
  'weekday',
  'hour',
  'till',
  'channel',
  'cashier',
  'salesperson',
  'tender',
  'vat',
  'category',
] as const;
export type DashboardBreakdown = (typeof DASHBOARD_BREAKDOWNS)[number];

/** Bounds of a dashboard request. */
export const DASHBOARD_LIMITS = { maxStores: 1000, maxDays: 731, maxRanked: 100 } as const;

/**
 * Gift cards and store credit over the range, apart from revenue (multi-purpose vouchers, outside
 * VAT): what was sold or reloaded and given by returns, against what tenders redeemed. Minor units.
 */
export type DashboardVouchers = {
  readonly giftCardsSold: number;
  readonly giftCardsRedeemed: number;
  readonly storeCreditIssued: number;
  readonly storeCreditRedeemed: number;
};

/** A period compared with: its totals and dates. */
export type DashboardPeriod = DashboardTotals & { readonly from: string; readonly to: string };

export type DashboardAnswer = {
  readonly stores: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly totals: DashboardTotals;
  /** The same number of days just before. */
  readonly previous: DashboardPeriod;
  /** The same dates a year before (29 February: the 28th). */
  readonly lastYear: DashboardPeriod;
  readonly by: Readonly<Record<DashboardBreakdown, readonly DashboardRow[]>>;
  /** By net sales with VAT: the best first, then the worst first. */
  readonly topProducts: readonly DashboardRow[];
  readonly bottomProducts: readonly DashboardRow[];
  readonly topCategories: readonly DashboardRow[];
  readonly bottomCategories: readonly DashboardRow[];
  /** Gift cards sold versus redeemed, store credit given versus redeemed: never in `totals` (the tender breakdown leaves them out too). */
  readonly vouchers: DashboardVouchers;
  /**
   * Names of the stores, products and staff (cashier and salesperson keys) listed; ids the hub
   * does not know are left out. A staff id two stores shown give different names: 'name (store), …'.
   */
  readonly names: {
    readonly stores: Readonly<Record<string, string>>;
    readonly products: Readonly<Record<string, string>>;
    readonly staff: Readonly<Record<string, string>>;
  };
};

/** GET /api/v1/office/reports/events: `event: reports` with this data when a store's reports changed. */
export type ReportsChangedEvent = { readonly storeId: string };

export type AdminErrorCode =
  /** A dashboard's dates: not YYYY-MM-DD, `to` before `from`, or more than DASHBOARD_LIMITS.maxDays days. */
  | 'invalid_report_range'
  /** A dashboard's store list: an id that is not one, or more than DASHBOARD_LIMITS.maxStores. */
  | 'invalid_store_list'
  /** A store the user does not cover named in a report's store list (403). */
  | 'store_not_covered'
  | 'invalid_product'
  /** PUT /api/v1/admin/price-lists/:listId: a name, entry or product refused (`problems`, PriceListProblemCode). */
  | 'invalid_price_list'
  /** PUT /api/v1/admin/promotions/:promotionId: the rule refused (`problems`, PromotionWriteProblemCode). */
  | 'invalid_promotion'
  /** A promotion saved since the editor read it (409, `currentVersion`). */
  | 'version_conflict'
  /** PUT /api/v1/admin/loyalty/programs/:programId: the program refused (`problems`, LoyaltyProgramWriteProblemCode). */
  | 'invalid_loyalty_program'
  /** Another loyalty program is live (409, `programId`): one at a time. */
  | 'loyalty_program_exists'
  /** POST /api/v1/baskets/price: a line refused (`problems`, BasketProblemCode). */
  | 'invalid_basket'
  | 'invalid_settings'
  | 'invalid_import'
  | 'invalid_movements'
  /** POST /api/v1/admin/stock-transfers: a line, store or note refused (`problems`). */
  | 'invalid_transfer'
  /** A transfer id already recorded with another body. */
  | 'transfer_conflict'
  /** A list's cursor not made by the hub. */
  | 'invalid_cursor'
  | 'invalid_staff'
  | 'invalid_roles'
  /** A store without a settings document yet (GET /api/v1/admin/stores/:storeId/settings). */
  | 'no_settings'
  /** The Sales list's dates: `to` before `from`, or more than MAX_SALES_RANGE_DAYS days (head-office-sales.ts). */
  | 'invalid_sales_range'
  /** The Sales list's amounts: the lowest above the highest. */
  | 'invalid_amount_range'
  /** The Sales list's receipt: neither a receipt code nor a sale id. */
  | 'invalid_receipt'
  /** The JET list's dates: `to` before `from`. */
  | 'invalid_jet_range';

export * from './head-office-sales';
export * from './head-office-price-lists';
export * from './head-office-promotions';
export * from './head-office-loyalty';
