import type { Queryable } from '../db/database';

export type BarcodeOwner = { readonly productId: string; readonly name: string };

/**
 * Up to this many codes, the partial GIN index on barcodes answers (a product write, a small
 * file); more, and reading every live product's barcodes once through a hash is cheaper (GIN's
 * `?|` grows faster than linearly with the number of keys: ~1 s per 1,000 codes at 500 a query).
 */
export const INDEXED_LOOKUP_MAX = 200;

/** The `collection = 'products'` literal matches the partial index's predicate. */
const BY_INDEX = `
  WITH wanted AS (SELECT array_agg(c) AS codes FROM jsonb_array_elements_text($1::jsonb) c)
  SELECT d.id, d.doc ->> 'name' AS name, code
    FROM catalog_docs d, wanted, jsonb_array_elements_text(d.doc -> 'barcodes') code
   WHERE d.collection = 'products' AND NOT d.deleted
     AND (d.doc -> 'barcodes') ?| wanted.codes
     AND code IN (SELECT jsonb_array_elements_text($1::jsonb))`;

/** `IN (SELECT …)` becomes a hashed set; `= ANY (array)` would compare each code with the whole array. */
const BY_SCAN = `
  SELECT d.id, d.doc ->> 'name' AS name, code
    FROM catalog_docs d, jsonb_array_elements_text(d.doc -> 'barcodes') code
   WHERE d.collection = 'products' AND NOT d.deleted
     AND code IN (SELECT jsonb_array_elements_text($1::jsonb))`;

/** Which live products (tombstones free their codes) already carry these barcodes. */
export async function barcodeOwners(tx: Queryable, codes: readonly string[]): Promise<Map<string, BarcodeOwner[]>> {
  const owners = new Map<string, BarcodeOwner[]>();
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return owners;
  const rows = await tx.query<{ id: string; name: string | null; code: string }>(wanted.length <= INDEXED_LOOKUP_MAX ? BY_INDEX : BY_SCAN, [
    JSON.stringify(wanted),
  ]);
  for (const row of rows) owners.set(row.code, [...(owners.get(row.code) ?? []), { productId: row.id, name: row.name ?? '' }]);
  return owners;
}
