import { useEffect, useState } from 'react';
import { categoryPage, type CategoryPage } from '../../../db/catalog-search';
import { services } from '../../../state/services';
import { useSyncStore } from '../../../state/sync-store';

export type CategoryPageState = CategoryPage & { readonly loading: boolean };

/** One page of a category's products, read again when the catalog changes under it. */
export function useCategoryPage(category: string, offset: number, size: number): CategoryPageState {
  const revision = useSyncStore((s) => s.catalogRevision);
  const [state, setState] = useState<CategoryPageState>({ products: [], more: false, loading: true });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    categoryPage(services().db.catalog, category, offset, size).then(
      (page) => !cancelled && setState({ ...page, loading: false }),
      () => !cancelled && setState({ products: [], more: false, loading: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [category, offset, size, revision]);
  return state;
}
