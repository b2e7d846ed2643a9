import { demoProducts, PosError, type CatalogPage } from '@pos/core';

/**
 * Serves the generated demo catalog in checkpointed pages, the same shape the hub's pull route
 * gives, so the till's catalog import is one code path. Products are generated per page, never
 * held in memory.
 */
export function demoCatalogPage(size: number, checkpoint: string | null, limit: number): CatalogPage {
  const from = checkpoint === null ? 0 : Number(checkpoint);
  if (!Number.isSafeInteger(from) || from < 0) throw new PosError('INVALID_REQUEST', `Bad catalog checkpoint "${checkpoint}"`);
  const products = demoProducts(from, limit, size);
  const next = from + products.length;
  return {
    source: `demo-${size}`,
    products,
    deletedIds: [],
    checkpoint: String(next),
    remaining: Math.max(0, size - next),
    done: next >= size,
  };
}
