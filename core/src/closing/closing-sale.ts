import { businessDate, type BusinessDaySettings } from '../time/business-date';

/**
 * What a report or a closing needs from a sealed sale document: today's SalePayload fits it, and so
 * does sale document version 1, whose new fields are optional here (absent kind = a sale, absent
 * salesperson = the cashier). A return carries positive amounts and counts negatively in totals.
 */
export type ClosingSale = {
  readonly saleId: string;
  /** The cashier who rang it up. */
  readonly staffId: string;
  readonly currency: string;
  readonly completedAt: string;
  /** TTC, after discounts (positive, on a return too). */
  readonly total: number;
  readonly discountTotal: number;
  readonly cashRounding: number;
  readonly vat: readonly ClosingVatRow[];
  readonly tenders: readonly ClosingTender[];
  readonly lines: readonly ClosingLine[];
  readonly kind?: 'sale' | 'return';
  readonly businessDate?: string;
  readonly sessionId?: string;
  readonly channel?: string;
  /** A training ("mode école") document: never in any total. */
  readonly training?: boolean;
  /** Gift cards sold or reloaded, store credit given (voucher-totals.ts): never in the sales totals. */
  readonly vouchers?: readonly { readonly cardKind: string; readonly operation: string; readonly amount: number }[];
};

/** A sealed VAT row: its amounts are summed as sealed, never recomputed. */
export type ClosingVatRow = {
  readonly rateBp: number;
  readonly base: number;
  readonly vat: number;
  readonly inclusive: number;
};

/**
 * A tender as sealed: `amount` is what it settled (for cash, what was handed over less the change).
 * A tender with a status counts only when approved (a declined card took nothing).
 */
export type ClosingTender = {
  readonly method: string;
  readonly amount: number;
  readonly status?: string;
};

export type ClosingLine = {
  /** TTC of the line after all discounts. */
  readonly net: number;
  /** Who gets the credit for the line; absent: the cashier. */
  readonly salespersonId?: string;
};

/** A sale as it sits on the sale chain: where it stands and its hash. */
export type ClosingSaleRecord = {
  readonly seq: number;
  readonly hash: string;
  readonly payload: ClosingSale;
};

export function isReturn(sale: ClosingSale): boolean {
  return sale.kind === 'return';
}

/** Training documents never count in reports, closings or grand totals. */
export function countsInTotals(sale: ClosingSale): boolean {
  return sale.training !== true;
}

export function tenderTakes(tender: ClosingTender): boolean {
  return tender.status === undefined || tender.status === 'approved';
}

/** The business date a sale belongs to: the one it was sealed with, else the one of its instant. */
export function saleBusinessDate(sale: ClosingSale, settings: BusinessDaySettings): string {
  return sale.businessDate ?? businessDate(sale.completedAt, settings);
}
