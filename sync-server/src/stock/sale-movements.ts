import { maxLineQuantity } from '@pos/core';
import { SALE_LIMITS } from '@pos/core/validation/sealed-shapes';
import { saleLineMovementId, type StockMovementKind } from '@pos/core/sync/stock';

/** One row of the stock ledger, before it is written. */
export type StockMovement = {
  readonly movementId: string;
  readonly productId: string;
  readonly quantityDelta: number;
  readonly kind: StockMovementKind;
  readonly sourceCollection: string;
  readonly sourceId: string;
};

/** A sale line the hub could not read a stock movement from: flagged for head office, the sale itself is kept. */
export type UnreadableLine = { readonly saleId: string; readonly index: number; readonly reason: string };

/**
 * A stored sale's id, its `record.payload.lines`, and (version 1) its `kind` and `training` mark,
 * as stored (anything: the hub reads them warily).
 */
type SaleLines = { readonly id: string; readonly lines: unknown; readonly kind?: unknown; readonly training?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The stock movements of stored sales, from their sealed lines (`record.payload.lines`, core's
 * SalePayload, read out by the database): one per line, `quantity` pieces or grams as the line says, taken from stock; a
 * negative quantity (an item brought back on a sale) is a return and puts it back. A sale document
 * of kind `return` (version 1: positive quantities, the kind gives the sign) puts each line back. A
 * training sale moves nothing, nor does a document without sealed lines.
 */
export function movementsOfSales(sales: readonly SaleLines[]): { movements: StockMovement[]; unreadable: UnreadableLine[] } {
  const movements: StockMovement[] = [];
  const unreadable: UnreadableLine[] = [];
  for (const sale of sales) {
    const lines = sale.lines;
    if (!Array.isArray(lines) || sale.training === true) continue;
    const sign = sale.kind === 'return' ? -1 : 1;
    const lineIds = new Set<string>();
    lines.forEach((line: unknown, index) => {
      const refuse = (reason: string) => unreadable.push({ saleId: sale.id, index, reason });
      if (!isObject(line)) return refuse('the line is not an object');
      const { lineId, productId, quantity } = line;
      if (typeof lineId !== 'string' || lineId === '') return refuse('the line has no lineId');
      // The line id names the movement: a second line with it would be counted as the first.
      if (lineIds.has(lineId)) return refuse(`line id ${lineId} is used twice in this sale`);
      lineIds.add(lineId);
      if (typeof productId !== 'string' || productId === '') return refuse('the line has no productId');
      // Pushes refuse longer ids and larger quantities; a sale stored otherwise is read as warily.
      if (lineId.length > SALE_LIMITS.maxIdLength || productId.length > SALE_LIMITS.maxIdLength)
        return refuse(`the line's lineId or productId is longer than ${SALE_LIMITS.maxIdLength} characters`);
      if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity))
        return refuse('the line quantity is not a whole number of pieces or grams');
      const max = maxLineQuantity(line.measure);
      if (Math.abs(quantity) > max) return refuse(`the line quantity ${quantity} is beyond the ${max} a line may hold`);
      if (quantity === 0) return;
      const taken = sign * quantity;
      movements.push({
        movementId: saleLineMovementId(sale.id, lineId),
        productId,
        quantityDelta: -taken,
        kind: taken > 0 ? 'sale' : 'return',
        sourceCollection: 'sales',
        sourceId: sale.id,
      });
    });
  }
  return { movements, unreadable };
}
