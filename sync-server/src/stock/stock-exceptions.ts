import type { StockException } from '@pos/core/sync/head-office-api';
import type { Queryable } from '../db/database';

export const MAX_EXCEPTIONS = 10_000;

/**
 * Products a store has sold more of than its ledger says it had (level < 0): two tills or two
 * stores sold the last unit, or a delivery was not recorded. Read through the partial index of
 * negative levels; product names come from the catalog (a reference table under Citus).
 */
export async function stockExceptions(db: Queryable, options: { storeId?: string; limit?: number } = {}): Promise<StockException[]> {
  const rows = await db.query<{
    store_id: string;
    product_id: string;
    level: number;
    updated_at: string | Date;
    sku: string | null;
    name: string | null;
  }>(
    `SELECT l.store_id, l.product_id, l.level, l.updated_at, p.doc ->> 'sku' AS sku, p.doc ->> 'name' AS name
       FROM stock_levels l
       LEFT JOIN catalog_docs p ON p.collection = 'products' AND p.id = l.product_id
      WHERE l.level < 0 AND ($1::text IS NULL OR l.store_id = $1)
      ORDER BY l.store_id, l.product_id
      LIMIT $2`,
    [options.storeId ?? null, Math.min(options.limit ?? 1000, MAX_EXCEPTIONS)],
  );
  return rows.map((r) => ({
    storeId: r.store_id,
    productId: r.product_id,
    level: r.level,
    updatedAt: new Date(r.updated_at).toISOString(),
    sku: r.sku,
    name: r.name,
  }));
}
