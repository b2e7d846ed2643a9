import type { HostBridge } from '../bridge';
import type { CatalogDb } from './catalog-db';
import { importCatalog, type CatalogImportState } from './catalog-import';
import { coalesced } from './coalesced';

/**
 * Keeps the Dexie catalog up to date after the first import: a change announced on the hub's
 * products stream (or a reconnection) pulls from the saved checkpoint, one pull at a time.
 */
export function catalogSynchronizer(
  db: CatalogDb,
  bridge: Pick<HostBridge, 'invoke'>,
  onProgress: (state: CatalogImportState) => void,
  onError: (error: unknown) => void,
  beforePage?: () => Promise<void>,
) {
  return coalesced(async () => {
    try {
      await importCatalog(db, (checkpoint, limit) => bridge.invoke('catalog.pull', { checkpoint, limit }), onProgress, beforePage);
    } catch (error) {
      onError(error);
    }
  });
}
