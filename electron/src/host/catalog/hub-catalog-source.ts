import { SYNC_LIMITS, type CatalogPage, type PriceListDoc, type Product } from '@pos/core';
import type { HubClient } from '../hub/hub-client';

/** Price lists travel whole (up to 20,000 entries each): a few to a page. */
const PRICE_LISTS_PER_PAGE = 20;

/** "products-seq" (before price lists came) or "products-seq:price-lists-seq". */
function parseCheckpoint(checkpoint: string | null): { products: number; priceLists: number } {
  const [products, priceLists] = (checkpoint ?? '').split(':');
  return { products: Number(products) || 0, priceLists: Number(priceLists) || 0 };
}

/**
 * The catalog from the hub's `products` pull route, in the same page shape as the demo source,
 * then, once the products are caught up, its `price_lists`: the checkpoint holds both sequences;
 * withdrawn products and deleted lists arrive as tombstones.
 */
export async function hubCatalogPage(hub: HubClient, checkpoint: string | null, limit: number): Promise<CatalogPage> {
  const source = `hub ${hub.status().hubUrl ?? ''}`;
  const from = parseCheckpoint(checkpoint);
  const page = await hub.pull('products', { seq: from.products }, Math.min(limit, SYNC_LIMITS.maxPullLimit));
  const products: Product[] = [];
  const deletedIds: string[] = [];
  for (const doc of page.documents) {
    if (doc._deleted) deletedIds.push(doc.id);
    else {
      const { _deleted, ...product } = doc;
      products.push(product as unknown as Product);
    }
  }
  const productsSeq = page.checkpoint?.seq ?? from.products;
  const priceLists: PriceListDoc[] = [];
  const deletedPriceListIds: string[] = [];
  let listsSeq = from.priceLists;
  let listsRemaining = 0;
  if (page.remaining === 0) {
    const lists = await hub.pull('price_lists', { seq: from.priceLists }, PRICE_LISTS_PER_PAGE);
    for (const doc of lists.documents) {
      if (doc._deleted) deletedPriceListIds.push(doc.id);
      else {
        const { _deleted, ...list } = doc;
        priceLists.push(list as unknown as PriceListDoc);
      }
    }
    listsSeq = lists.checkpoint?.seq ?? from.priceLists;
    listsRemaining = lists.remaining;
  }
  return {
    source,
    products,
    deletedIds,
    priceLists,
    deletedPriceListIds,
    checkpoint: `${productsSeq}:${listsSeq}`,
    remaining: page.remaining + listsRemaining,
    done: page.remaining === 0 && listsRemaining === 0,
  };
}
