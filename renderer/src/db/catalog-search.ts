import { normalizeSearchText, type Product } from '@pos/core';
import type { CatalogDb } from './catalog-db';

export async function findByBarcode(db: CatalogDb, code: string): Promise<Product | undefined> {
  return db.products.where('barcodes').equals(code).first();
}

export async function findBySku(db: CatalogDb, sku: string): Promise<Product | undefined> {
  return db.products.where('sku').equals(sku).first();
}

/** The store's price list wins over the catalog price when it has an entry for the product. */
export async function withListPrice(db: CatalogDb, product: Product, listId: string | null): Promise<Product> {
  if (!listId) return product;
  const entry = await db.priceLists.get([listId, product.id]);
  return entry ? { ...product, price: entry.price } : product;
}

/**
 * Search by any word prefix of the name, by SKU prefix or by barcode prefix, as the cashier
 * types. Each branch is one index-range request with a limit (a single getAll, not a cursor
 * walked entry by entry): the cost does not grow with the catalog. With several words, the
 * longest one drives the index and the others filter what it returns; only when that leaves too
 * few results does a filtered cursor look further.
 */
export async function searchCatalog(db: CatalogDb, query: string, limit = 20): Promise<Product[]> {
  const raw = query.trim();
  const tokens = normalizeSearchText(raw).split(' ').filter(Boolean);
  if (tokens.length === 0) return [];
  const primary = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const others = tokens.filter((t) => t !== primary);
  const matchesOthers = (p: Product) => others.every((t) => p.words.some((w) => w.startsWith(t)));
  // A product whose name has two words with the same prefix comes back twice from a multiEntry index.
  const wordsFetch = limit * 2;

  const [bySku, byCode, byWords] = await Promise.all([
    // A SKU prefix worth searching has a digit in it ("EPI-0001"): letters alone match whole categories.
    raw.length >= 2 && /[0-9]/.test(raw)
      ? db.products.where('sku').startsWith(raw.toUpperCase()).limit(limit).toArray()
      : Promise.resolve([]),
    /^[0-9]{3,}$/.test(raw) ? db.products.where('barcodes').startsWith(raw).limit(limit).toArray() : Promise.resolve([]),
    db.products.where('words').startsWith(primary).limit(wordsFetch).toArray(),
  ]);
  let wordMatches = byWords.filter(matchesOthers);
  if (others.length > 0 && byWords.length === wordsFetch && distinctCount(wordMatches) < limit) {
    wordMatches = await db.products.where('words').startsWith(primary).distinct().filter(matchesOthers).limit(limit).toArray();
  }
  const seen = new Set<string>();
  const results: Product[] = [];
  for (const p of [...byCode, ...bySku, ...wordMatches]) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    results.push(p);
    if (results.length === limit) break;
  }
  return results;
}

function distinctCount(products: readonly Product[]): number {
  return new Set(products.map((p) => p.id)).size;
}

/** A page of a category's products: one index range with an offset and a limit. */
export type CategoryPage = { readonly products: readonly Product[]; readonly more: boolean };

/**
 * The products of one catalog category in catalog order (by id, the order the category index
 * keeps them in), `limit` from `offset` on. One request on the category index: a category of
 * 25,000 products costs what a small one does. A withdrawn product is left out of its page.
 */
export async function categoryPage(db: CatalogDb, category: string, offset: number, limit: number): Promise<CategoryPage> {
  const found = await db.products
    .where('category')
    .equals(category)
    .offset(offset)
    .limit(limit + 1)
    .toArray();
  return { products: found.slice(0, limit).filter((p) => !p.disabled), more: found.length > limit };
}

/** Products named by a store's tiles, by id or barcode, in the tiles' order; undefined for one the catalog lacks. */
export async function productsOfTiles(
  db: CatalogDb,
  refs: readonly { readonly productId?: string; readonly barcode?: string }[],
): Promise<(Product | undefined)[]> {
  const byId = await db.products.bulkGet(refs.map((r) => r.productId ?? ''));
  return Promise.all(refs.map((r, i) => (r.productId !== undefined ? byId[i] : findByBarcode(db, r.barcode ?? ''))));
}
