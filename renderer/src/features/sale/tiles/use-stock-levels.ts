import { useEffect, useState } from 'react';
import { stockOf } from '../../../app/hub-link';
import { useSyncStore } from '../../../state/sync-store';

const NONE: ReadonlyMap<string, number> = new Map();

/** The stock of the products on screen, when the hub has sent levels; after the tiles, never before them. */
export function useStockLevels(productIds: readonly string[]): ReadonlyMap<string, number> {
  const revision = useSyncStore((s) => s.catalogRevision);
  const [levels, setLevels] = useState(NONE);
  const key = productIds.join('\n');
  useEffect(() => {
    let cancelled = false;
    if (key === '') {
      setLevels(NONE);
      return;
    }
    stockOf(key.split('\n')).then(
      (found) => !cancelled && setLevels(found),
      () => !cancelled && setLevels(NONE),
    );
    return () => {
      cancelled = true;
    };
  }, [key, revision]);
  return levels;
}
