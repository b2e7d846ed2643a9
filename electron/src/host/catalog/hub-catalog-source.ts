import { SYNC_LIMITS, type CatalogPage, type Product } from '@pos/core';
import type { HubClient } from '../hub/hub-client';

/**
 * The catalog from the hub's `products` pull route, in the same page shape as the demo source:
 * the checkpoint is the hub's sequence; withdrawn products arrive as tombstones.
 */
export async function hubCatalogPage(hub: HubClient, checkpoint: string | null, limit: number): Promise<CatalogPage> {
  const source = `hub ${hub.status().hubUrl ?? ''}`;
  const from = checkpoint === null ? 0 : Number(checkpoint);
  const page = await hub.pull('products', { seq: from }, Math.min(limit, SYNC_LIMITS.maxPullLimit));
  const products: Product[] = [];
  const deletedIds: string[] = [];
  for (const doc of page.documents) {
    if (doc._deleted) deletedIds.push(doc.id);
    else {
      const { _deleted, ...product } = doc;
      products.push(product as unknown as Product);
    }
  }
  return {
    source,
    products,
    deletedIds,
    checkpoint: String(page.checkpoint?.seq ?? from),
    remaining: page.remaining,
    done: page.remaining === 0,
  };
}
