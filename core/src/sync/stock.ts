/**
 * The stock ledger as tills see it. The hub derives every level from movements (a sale line, a
 * return, a delivery, a transfer, a count) and never takes a level from a till; tills pull the
 * levels (collection stock_levels) and show level − their own unsynced sales.
 */

/** Quantities are in the product's unit: pieces, or grams for weighed products. */
export const STOCK_MOVEMENT_KINDS = ['sale', 'return', 'receipt', 'transfer_in', 'transfer_out', 'count_adjustment'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** Kinds head office records by hand; sales and returns come from the tills' sales. */
export const MANUAL_STOCK_MOVEMENT_KINDS = [
  'receipt',
  'transfer_in',
  'transfer_out',
  'count_adjustment',
] as const satisfies readonly StockMovementKind[];
export type ManualStockMovementKind = (typeof MANUAL_STOCK_MOVEMENT_KINDS)[number];

/** A stock_levels document (id = productId). `level` may be negative: two tills sold the last unit. */
export type StockLevelDocument = {
  readonly id: string;
  readonly productId: string;
  readonly level: number;
  readonly updatedAt: string;
};

/** One movement per sale line, named so that a sale pushed twice is counted once. */
export function saleLineMovementId(saleId: string, lineId: string): string {
  return `${saleId}:${lineId}`;
}
