/**
 * Wire shapes of the hub's closings and JET routes (GET /api/v1/admin/stores/:storeId/closings,
 * …/jet), shared by the hub and the back office.
 */

/**
 * A closing's key figures as the till sealed them (amounts in minor units), so a list shows them
 * without opening each closing; null where the closing has none or its record is unreadable.
 */
export type ClosingTotals = {
  readonly currency: string | null;
  /** Net sales including VAT: sales less returns. */
  readonly net: number | null;
  /** Receipts counted: sales and returns. */
  readonly tickets: number | null;
  /** A Z's cash variance: counted less expected (null for other closings, or a Z without cash). */
  readonly cashVariance: number | null;
};

/**
 * GET /api/v1/admin/stores/:storeId/jet: one event of a till's event chain (the NF525 technical
 * event journal) as the hub placed it, newest first.
 */
export type JetEntry = {
  readonly tillId: string;
  readonly journal: number;
  readonly seq: number;
  readonly sealedAt: string;
  /** The event's type ('till.start', 'sale.void'…). */
  readonly type: string;
  /** Its NF525 JET code (core/src/fiscal/jet-codes.ts), null where it has none. */
  readonly code: number | null;
  /** Who did it, where the event names a person (a staff id, never a name). */
  readonly staffId: string | null;
  /** The event's other fields, as sealed. */
  readonly details: Readonly<Record<string, unknown>>;
  /** verified, or broken (its chain is broken there: docs/fiscal.md). */
  readonly status: string;
};

export type JetPage = { readonly events: readonly JetEntry[]; readonly next: string | null };

/** JET entries per page at most (the default is 100). */
export const MAX_JET_PAGE = 500;
