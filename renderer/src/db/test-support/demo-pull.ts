import { demoProducts, type CatalogPage } from '@pos/core';

/** The host's demo catalog paging, for tests that have no host. */
export function demoCatalogPageForTest(size: number) {
  return async (checkpoint: string | null, limit: number): Promise<CatalogPage> => {
    const from = checkpoint === null ? 0 : Number(checkpoint);
    const products = demoProducts(from, limit, size);
    const next = from + products.length;
    return { source: 'demo', products, deletedIds: [], checkpoint: String(next), remaining: Math.max(0, size - next), done: next >= size };
  };
}
