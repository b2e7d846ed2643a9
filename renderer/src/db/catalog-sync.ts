import type { HostBridge } from '../bridge';
import type { CatalogDb } from './catalog-db';
import { importCatalog, type CatalogImportState } from './catalog-import';

/**
 * Keeps the Dexie catalog up to date after the first import: a change announced on the hub's
 * products stream (or a reconnection) pulls from the saved checkpoint. Requests that arrive while
 * a pull runs are folded into one more pull, never run side by side.
 */
export function catalogSynchronizer(db: CatalogDb, bridge: Pick<HostBridge, 'invoke'>, onProgress: (state: CatalogImportState) => void, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await importCatalog(db, (checkpoint, limit) => bridge.invoke('catalog.pull', { checkpoint, limit }), onProgress);
      } catch (error) {
        onError(error);
      }
    } while (again);
  };
  return {
    request(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
