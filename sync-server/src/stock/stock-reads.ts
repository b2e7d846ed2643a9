import { normalizeSearchText } from '@pos/core';
import type { StockLevelRow, StockMovementRow, StockPage } from '@pos/core/sync/head-office-api';
import type { StockMovementKind } from '@pos/core/sync/stock';
import { requireStore } from '../admin/stores';
import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { checkInstantPeriod } from '../errors/list-period';

/** Rows per page a client may ask; a file export (stock-export.ts) reads EXPORT_BATCH_ROWS at a time. */
export const MAX_PAGE = 200;
const MAX_BATCH = 1000;
export const DEFAULT_PAGE = 50;
export const MAX_SEARCH_LENGTH = 100;
export const MAX_CURSOR_LENGTH = 400;
/** A movement's time in a cursor, as PostgreSQL keeps it (to the microsecond, UTC). */
const MICROSECOND_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/**
 * The list's position: the last row's key strings (encodeCursor), `size` of them and each as
 * `fits` wants it, or null for the first page.
 */
function keyOf(cursor: string | undefined, size: number, fits: (key: readonly string[]) => boolean = () => true): readonly string[] | null {
  if (cursor === undefined) return null;
  return decodeCursor(
    cursor,
    (key): key is readonly string[] =>
      key.length === size && key.every((k) => typeof k === 'string' && k.length <= 200) && fits(key as string[]),
  );
}

export type LevelQuery = {
  readonly q?: string;
  readonly negative?: boolean;
  readonly cursor?: string;
  readonly limit?: number;
};

/**
 * A store's levels by product id (keyset), with the product's name and reference from the
 * catalog. `q` finds a product by id, reference or barcode as typed, by a part of its name, or
 * (one word) by the start of a word of its name without accents.
 */
export async function stockLevelsPage(db: Queryable, storeId: string, query: LevelQuery): Promise<StockPage<StockLevelRow>> {
  await requireStore(db, storeId);
  const [after] = keyOf(query.cursor, 1) ?? [null];
  const q = query.q?.trim() || null;
  const word = q === null ? '' : normalizeSearchText(q);
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_BATCH);
  const rows = await db.query<{ product_id: string; level: number; updated_at: string | Date; sku: string | null; name: string | null }>(
    `SELECT l.product_id, l.level, l.updated_at, p.doc ->> 'sku' AS sku, p.doc ->> 'name' AS name
       FROM stock_levels l
       LEFT JOIN catalog_docs p ON p.collection = 'products' AND p.id = l.product_id
      WHERE l.store_id = $1
        AND ($2::text IS NULL OR l.product_id > $2)
        AND (NOT $3::boolean OR l.level < 0)
        AND ($4::text IS NULL
             OR l.product_id = $4
             OR p.doc ->> 'sku' = upper($4)
             OR p.doc -> 'barcodes' ? $4
             OR strpos(lower(p.doc ->> 'name'), lower($4)) > 0
             OR ($5 <> '' AND position(' ' IN $5) = 0
                 AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(p.doc -> 'words') AS w(word) WHERE w.word LIKE $5 || '%')))
      ORDER BY l.product_id
      LIMIT $6`,
    [storeId, after, query.negative === true, q, word, limit + 1],
  );
  const page = rows.slice(0, limit).map((r) => ({
    productId: r.product_id,
    sku: r.sku,
    name: r.name,
    level: Number(r.level),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
  return { rows: page, next: rows.length > limit ? encodeCursor([page.at(-1)!.productId]) : null };
}

export type MovementQuery = {
  readonly productId?: string;
  readonly kind?: StockMovementKind;
  /** ISO date-times: from included, to excluded. */
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
  readonly limit?: number;
};

/** A store's ledger, newest first (keyset on the time to the microsecond, then the movement id). */
export async function stockMovementsPage(db: Queryable, storeId: string, query: MovementQuery): Promise<StockPage<StockMovementRow>> {
  await requireStore(db, storeId);
  checkInstantPeriod(query, 'bad_request');
  const key = keyOf(query.cursor, 2, ([at]) => MICROSECOND_TIME.test(at!));
  const [atBefore, idBefore] = key ?? [null, null];
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_BATCH);
  const rows = await db.query<{
    movement_id: string;
    product_id: string;
    name: string | null;
    kind: StockMovementKind;
    quantity_delta: number;
    source_collection: string;
    source_id: string;
    at: string;
  }>(
    `SELECT m.movement_id, m.product_id, p.doc ->> 'name' AS name, m.kind, m.quantity_delta, m.source_collection, m.source_id,
            to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM stock_movements m
       LEFT JOIN catalog_docs p ON p.collection = 'products' AND p.id = m.product_id
      WHERE m.store_id = $1
        AND ($2::text IS NULL OR m.product_id = $2)
        AND ($3::text IS NULL OR m.kind = $3)
        AND ($4::timestamptz IS NULL OR m.created_at >= $4)
        AND ($5::timestamptz IS NULL OR m.created_at < $5)
        AND ($6::timestamptz IS NULL OR (m.created_at, m.movement_id) < ($6::timestamptz, $7::text))
      ORDER BY m.created_at DESC, m.movement_id DESC
      LIMIT $8`,
    [storeId, query.productId ?? null, query.kind ?? null, query.from ?? null, query.to ?? null, atBefore, idBefore, limit + 1],
  );
  const page = rows.slice(0, limit).map((r) => ({
    movementId: r.movement_id,
    productId: r.product_id,
    name: r.name,
    kind: r.kind,
    quantityDelta: Number(r.quantity_delta),
    sourceCollection: r.source_collection,
    sourceId: r.source_id,
    createdAt: new Date(r.at).toISOString(),
  }));
  const last = rows[limit - 1];
  return { rows: page, next: rows.length > limit && last ? encodeCursor([last.at, last.movement_id]) : null };
}
