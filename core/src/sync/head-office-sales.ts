import type { ReceiptLine } from '../receipt/receipt-model';

/**
 * Wire shapes of the back office's Sales page (issue 13): GET /api/v1/admin/stores/:storeId/sales
 * (the list, read from the hub's reporting facts) and …/sales/:saleId (one sale, its receipt as
 * printed, its returns and its fiscal status). Amounts in minor units (cents), a return's negative
 * in the list as in the reports.
 */

/** Rows per page at most, and by default. */
export const MAX_SALES_PAGE = 200;
export const DEFAULT_SALES_PAGE = 50;
/** A search covers at most this many business days. */
export const MAX_SALES_RANGE_DAYS = 366;
/** The highest amount a filter takes, in minor units. */
export const MAX_SALES_AMOUNT = 100_000_000_000;

/**
 * Where a sale stands with the hub's chain verifier: `verified` (its till's sale chain is verified
 * up to it), `break` (a break names it, or it was placed broken), `pending` (not placed yet).
 */
export const SALE_FISCAL_STATUSES = ['verified', 'break', 'pending'] as const;
export type SaleFiscalStatus = (typeof SALE_FISCAL_STATUSES)[number];

export type SaleKind = 'sale' | 'return';

/** The list's filters, as query parameters; dates are business dates (YYYY-MM-DD), both ends included. */
export type SalesQuery = {
  readonly from?: string;
  readonly to?: string;
  readonly tillId?: string;
  /** A receipt code as printed (S001-T01-000042, T01-000042) or a sale id. */
  readonly receipt?: string;
  /** The ticket's amount whatever its kind (a return's too), in minor units. */
  readonly minAmount?: number;
  readonly maxAmount?: number;
  /** A tender method that counted in the sale (cash, card). */
  readonly tender?: string;
  /** The staff id of the cashier, or of a line's salesperson. */
  readonly cashier?: string;
  readonly salesperson?: string;
  readonly kind?: SaleKind;
  readonly limit?: number;
  readonly cursor?: string;
};

export type SaleRow = {
  readonly saleId: string;
  readonly tillId: string;
  readonly businessDate: string;
  readonly completedAt: string;
  readonly receipt: string;
  readonly kind: SaleKind;
  /** VAT included, negative for a return. */
  readonly total: number;
  readonly items: number;
  /** Amount per counted tender method. */
  readonly tenders: Readonly<Record<string, number>>;
  readonly staffId: string;
  /** The cashier's name as head office keeps it; null for a person the hub does not know. */
  readonly cashierName: string | null;
  readonly returnOf: string | null;
  readonly status: SaleFiscalStatus;
};

/** A page, newest first: `next` is the cursor of the following page, null after the last. */
export type SalesPage = { readonly rows: readonly SaleRow[]; readonly next: string | null };

export type SaleDetailLine = {
  readonly lineId: string;
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
  readonly measure: string;
  readonly unitPrice: number;
  readonly lineDiscount: number;
  /** What the line comes to, VAT included, after every discount. */
  readonly net: number;
  readonly rateBp: number;
  readonly salespersonId: string | null;
};

export type SaleDetailTender = {
  readonly method: string;
  readonly amount: number;
  /** A card's outcome (approved, declined, unknown); null for cash. */
  readonly status: string | null;
  readonly maskedPan: string | null;
};

export type SaleDetailVat = {
  readonly code: string;
  readonly rateBp: number;
  readonly base: number;
  readonly vat: number;
  readonly inclusive: number;
};

/** Another ticket of the store this one links to: a return of it, or the sale a return gives back. */
export type LinkedSale = {
  readonly saleId: string;
  readonly receipt: string;
  /** Null when the hub holds no fact of it (not verified yet, or never arrived). */
  readonly completedAt: string | null;
  readonly total: number | null;
};

export type SaleFiscal = {
  readonly status: SaleFiscalStatus;
  readonly journal: number | null;
  readonly seq: number;
  /** Where the hub verified the till's sale chain up to (its current journal). */
  readonly verifiedSeq: number;
  /** The breaks that name it, by code (translated by the page) with the verifier's words. */
  readonly breaks: readonly { readonly code: string; readonly problem: string }[];
};

export type SaleDetail = {
  readonly saleId: string;
  readonly tillId: string;
  readonly kind: SaleKind;
  readonly businessDate: string | null;
  readonly completedAt: string;
  readonly receipt: string;
  readonly currency: string;
  readonly staffId: string;
  readonly cashierName: string | null;
  /** VAT included, as sealed (positive for a return too: its kind says the direction). */
  readonly total: number;
  readonly discountTotal: number;
  readonly lines: readonly SaleDetailLine[];
  readonly tenders: readonly SaleDetailTender[];
  readonly vat: readonly SaleDetailVat[];
  /** The receipt laid out as the till prints it (core's buildReceipt), `width` columns; null when the sealed sale cannot be laid out. */
  readonly receiptText: { readonly width: number; readonly lines: readonly ReceiptLine[] } | null;
  readonly returns: readonly LinkedSale[];
  readonly original: LinkedSale | null;
  readonly fiscal: SaleFiscal;
};
