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
