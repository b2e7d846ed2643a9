import { searchWords, type Product } from '@pos/core';
import type { CategoryList, ProductPage, ProductQuery } from '@pos/core/sync/head-office-api';
import type { Queryable } from '../db/database';
import { normalizedBarcode } from './product-checks';

export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;
/** A search names at most this many words; the others are ignored. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_CATEGORIES = 1000;

/**
 * Live products only; the literal predicate is the partial indexes' (migration 0020: words,
 * SKU, category), so each condition below has its index: a search is a bitmap OR of the words'
 * GIN, the primary key (id), the SKU and the barcodes' GIN, sorted by id.
 */
const LIVE = `collection = 'products' AND NOT deleted`;

type Row = { id: string; doc: Omit<Product, 'id'> };

/**
 * A word prefix query for every word of the name: "pat camp" → `pat:* & camp:*` (words are
 * [a-z0-9]+). A single letter is a whole word ("g" of "200 g"): as a prefix it would match most
 * of the catalog.
 */
export function wordsQuery(text: string): string | null {
  const words = searchWords(text)
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => (w.length > 1 ? `${w.slice(0, 64)}:*` : w));
  return words.length > 0 ? words.join(' & ') : null;
}

/**
 * Live products in id order: those whose name has every word of `q` as a word prefix, or whose
 * id, SKU or barcode is `q`; in `category` when given; after the id `after`; `limit` of them, or
 * all without one (an export reads them a batch at a time with a limit).
 */
export async function productRows(db: Queryable, query: ProductQuery): Promise<Product[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [LIVE];
  const text = query.q?.trim() ?? '';
  if (text !== '') {
    const either = [`id = ${param(text)}`, `doc ->> 'sku' = ${param(text.toUpperCase())}`];
    if (!/\s/.test(text)) either.push(`(doc -> 'barcodes') ? ${param(normalizedBarcode(text))}`);
    const words = wordsQuery(text);
    if (words) either.push(`to_tsvector('simple'::regconfig, doc -> 'words') @@ to_tsquery('simple', ${param(words)})`);
    where.push(`(${either.join(' OR ')})`);
  }
  if (query.category !== undefined) where.push(`doc ->> 'category' = ${param(query.category)}`);
  if (query.after !== undefined) where.push(`id > ${param(query.after)}`);
  const limit = query.limit === undefined ? '' : ` LIMIT ${param(query.limit)}`;
  // With a search, the order is by `id || ''` (the same order): walking the primary key in id
  // order until a page matches, which the planner prefers, reads the whole catalog for a rare
  // match (2 s for a barcode in 300,000 products); the bitmap of the indexes above, then a top-N
  // sort, takes milliseconds, and ~250 ms for a two-letter prefix that a sixth of them match.
  const order = text === '' ? 'id' : `id || ''`;
  const rows = await db.query<Row>(`SELECT id, doc FROM catalog_docs WHERE ${where.join(' AND ')} ORDER BY ${order}${limit}`, params);
  return rows.map(({ id, doc }) => ({ ...doc, id }));
}

/** One page of the list (DEFAULT_PAGE, at most MAX_PAGE); `next` is the `after` of the next one, null after the last. */
export async function searchProducts(db: Queryable, query: ProductQuery): Promise<ProductPage> {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const rows = await productRows(db, { ...query, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return { products: page, next: rows.length > limit ? page[page.length - 1]!.id : null };
}

/**
 * The categories of live products, sorted, without scanning them all: one index probe per
 * category on the category index (a loose index scan).
 */
export async function listCategories(db: Queryable): Promise<CategoryList> {
  const rows = await db.query<{ name: string }>(
    `WITH RECURSIVE c(name) AS (
       SELECT min(doc ->> 'category') FROM catalog_docs WHERE ${LIVE} AND doc ->> 'category' > ''
       UNION ALL
       SELECT (SELECT min(doc ->> 'category') FROM catalog_docs WHERE ${LIVE} AND doc ->> 'category' > c.name)
         FROM c WHERE c.name IS NOT NULL)
     SELECT name FROM c WHERE name IS NOT NULL LIMIT $1`,
    [MAX_CATEGORIES + 1],
  );
  return { categories: rows.slice(0, MAX_CATEGORIES).map((r) => r.name), truncated: rows.length > MAX_CATEGORIES };
}
