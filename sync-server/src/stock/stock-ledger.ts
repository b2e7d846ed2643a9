import { findSyncCollection, type SyncCollection } from '@pos/core';
import type { StockLevelDocument } from '@pos/core/sync/stock';
import type { Queryable } from '../db/database';
import { putHubDocumentsIn } from '../sync/hub-writes';
import type { StockMovement } from './sale-movements';

const STOCK_LEVELS = findSyncCollection('stock_levels') as SyncCollection;

export type LedgerOutcome = {
  /** Movements written now; the others (same movement id) were recorded before and count once. */
  readonly recorded: number;
  /** The new level of every product those movements touched. */
  readonly levels: readonly { readonly productId: string; readonly level: number }[];
};

/**
 * Inside the caller's transaction (which holds, or takes here, the store's counter row): appends
 * the movements, ignoring those already recorded, adds what was new to the levels, and writes a
 * stock_levels document per product touched with new store sequences, so tills pull the level.
 * One statement for ledger and levels: only movements actually inserted reach the sum.
 */
export async function recordStockMovements(tx: Queryable, storeId: string, movements: readonly StockMovement[]): Promise<LedgerOutcome> {
  if (movements.length === 0) return { recorded: 0, levels: [] };
  const rows = movements.map((m) => ({
    movement_id: m.movementId,
    product_id: m.productId,
    quantity_delta: m.quantityDelta,
    kind: m.kind,
    source_collection: m.sourceCollection,
    source_id: m.sourceId,
  }));
  const changed = await tx.query<{ product_id: string; level: number; updated_at: string | Date; inserted: number }>(
    `WITH inserted AS (
       INSERT INTO stock_movements (store_id, movement_id, product_id, quantity_delta, kind, source_collection, source_id)
       SELECT $1, r.movement_id, r.product_id, r.quantity_delta, r.kind, r.source_collection, r.source_id
         FROM jsonb_to_recordset($2::jsonb) AS r(movement_id text, product_id text, quantity_delta int8, kind text, source_collection text, source_id text)
       ON CONFLICT (store_id, movement_id) DO NOTHING
       RETURNING product_id, quantity_delta
     ), sums AS (
       SELECT product_id, sum(quantity_delta)::int8 AS delta, count(*)::int8 AS n FROM inserted GROUP BY product_id
     ), levels AS (
       INSERT INTO stock_levels AS l (store_id, product_id, level, updated_at)
       SELECT $1, product_id, delta, now() FROM sums
       ON CONFLICT (store_id, product_id) DO UPDATE SET level = l.level + excluded.level, updated_at = excluded.updated_at
       RETURNING product_id, level, updated_at
     )
     SELECT levels.product_id, levels.level, levels.updated_at, sums.n AS inserted
       FROM levels JOIN sums USING (product_id) ORDER BY levels.product_id`,
    [storeId, JSON.stringify(rows)],
  );
  const docs: StockLevelDocument[] = changed.map((row) => ({
    id: row.product_id,
    productId: row.product_id,
    level: row.level,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
  await putHubDocumentsIn(tx, { kind: 'store', storeId }, STOCK_LEVELS, docs, { alwaysChanged: true });
  return {
    recorded: changed.reduce((n, row) => n + row.inserted, 0),
    levels: changed.map((row) => ({ productId: row.product_id, level: row.level })),
  };
}
