import type { Product, QuickKey } from '@pos/core';
import { useEffect, useState } from 'react';
import { productsOfTiles } from '../../../db/catalog-search';
import { services } from '../../../state/services';
import { useSyncStore } from '../../../state/sync-store';

/** What a product tile sells: found, not (yet) in the catalog, or still being looked up. */
export type TileProduct = Product | 'missing' | 'loading';

/**
 * The products the store's tiles name, looked up by id or barcode, again when the catalog changes
 * (a first import still running, a price changed at the hub) or the store's tiles do.
 */
export function useTileProducts(keys: readonly QuickKey[]): readonly TileProduct[] {
  const revision = useSyncStore((s) => s.catalogRevision);
  // Kept with the tiles they were looked up for: new tiles show as loading, never with the old ones' products.
  const [found, setFound] = useState<{ keys: readonly QuickKey[]; products: readonly TileProduct[] }>({ keys: [], products: [] });
  useEffect(() => {
    let cancelled = false;
    const refs = keys.map((k) => (k.kind === 'product' ? k : { productId: '' }));
    productsOfTiles(services().db.catalog, refs).then(
      (products) => !cancelled && setFound({ keys, products: products.map((p) => p ?? 'missing') }),
      () => !cancelled && setFound({ keys, products: keys.map(() => 'missing') }),
    );
    return () => {
      cancelled = true;
    };
  }, [keys, revision]);
  return keys.map((_, i) => (found.keys === keys ? (found.products[i] ?? 'missing') : 'loading'));
}
