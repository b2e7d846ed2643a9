import { demoProducts, PosError, type CatalogPage } from '@pos/core';

/**
 * Serves the generated demo catalog in checkpointed pages, the same shape the hub's pull route
 * gives, so the till's catalog import is one code path. Products are generated per page, never
 * held in memory.
 */
export function demoCatalogPage(size: number, checkpoint: string | null, limit: number): CatalogPage {
  // A hub's checkpoint ("products:price-lists") read by its products part: its page's other source restarts the import.
  const from = checkpoint === null ? 0 : Number(checkpoint.split(':')[0]);
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
