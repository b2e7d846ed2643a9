import type { CatalogPage } from '@pos/core';

/** A stub of the host's catalog.pull from a hub: the page given, caught up with. */
export function stubPull(page: Partial<CatalogPage>) {
  return async (): Promise<CatalogPage> => ({
    source: 'hub test',
    products: [],
    deletedIds: [],
    checkpoint: '9:9:9',
    remaining: 0,
    done: true,
    ...page,
  });
}
