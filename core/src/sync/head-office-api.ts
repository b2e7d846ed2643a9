import type { Product } from '../catalog/product';
import type { ManualStockMovementKind } from './stock';

/**
 * Wire shapes of the hub's head-office routes (/api/v1/admin/…, admin token), for the hub's
 * command line and the head-office dashboard. Refusals are `{error, message}` like every hub
 * refusal, with the details below where a list helps a person fix their input.
 */

/** PUT /api/v1/admin/products/:id: the product without its id (in the path) and search words (computed); no category is ''. */
export type ProductBody = Omit<Product, 'id' | 'words' | 'category'> & { readonly category?: string };

/** PATCH /api/v1/admin/products/:id */
export type PriceChange = { readonly price: number };

/** Answer of every product write: the product as tills will get it, and its catalog sequence. */
export type ProductWriteResult = { readonly product: Product; readonly deleted: boolean; readonly seq: number };

/**
 * One thing wrong with a submitted document (422 invalid_product / invalid_settings: `problems`);
 * `code` where the problem has a stable one (a store's tiles: core QuickKeyProblemCode).
 */
export type FieldProblem = { readonly field: string; readonly message: string; readonly code?: string };

/** One thing wrong in a CSV file: `row` as a spreadsheet numbers it (the header is row 1). */
export type ImportRowError = { readonly row: number; readonly column: string; readonly message: string };

/** 422 invalid_import: nothing was imported. `errors` holds at most the first 1,000 of `errorCount`. */
export type ImportRefusal = {
  readonly error: 'invalid_import';
  readonly message: string;
  readonly errorCount: number;
  readonly errors: readonly ImportRowError[];
};

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
  readonly quantity: number;
};

export type StockMovementsResult = {
  readonly recorded: number;
  readonly alreadyRecorded: number;
  readonly levels: readonly { readonly productId: string; readonly level: number }[];
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

export type AdminErrorCode =
  | 'invalid_product'
  | 'invalid_settings'
  | 'invalid_import'
  | 'invalid_movements'
  | 'invalid_staff'
  | 'invalid_roles'
  /** A store without a settings document yet (GET /api/v1/admin/stores/:storeId/settings). */
  | 'no_settings';
