import { PosError } from '@pos/core';
import { catalogSynchronizer } from '../db/catalog-sync';
import { untilCashierIdle } from '../state/cashier-activity';
import { coalesced } from '../db/coalesced';
import { pullStockLevels } from '../db/stock-sync';
import { startHubReplication } from '../db/replication/hub-replication';
import { PushWatermarks } from '../db/replication/push-watermarks';
import { services } from '../state/services';
import { cartActions } from '../state/cart-store';
import { catalogChanged, reportSyncError, useSyncStore } from '../state/sync-store';

/**
 * The till's side of the hub, once started: the link's status for the badge, the replication of
 * the documents it writes (started as soon as the till is enrolled), and the catalog kept in step
 * with the hub's products stream. All of it runs in the background: the till never waits for it.
 */
let openWatermarks: PushWatermarks | null = null;

/** The catalog's collections the till pulls into Dexie (db/catalog-import.ts). */
const CATALOG_PULLED: ReadonlySet<string> = new Set(['products', 'price_lists', 'promotions']);
/** Pulled by the host itself on the next catalog pull (its LoyaltyBook), never into Dexie. */
const HOST_PULLED: ReadonlySet<string> = new Set(['loyalty_programs']);

/** Stock the till can show: the hub's level minus what this till sold that the hub has not counted yet. */
export async function stockOf(productIds: readonly string[]): Promise<Map<string, number>> {
  const { db } = services();
  const [levels, unsynced] = await Promise.all([
    db.catalog.stock.bulkGet([...productIds]),
    openWatermarks?.unsyncedQuantities() ?? new Map<string, number>(),
  ]);
  const out = new Map<string, number>();
  levels.forEach((level, i) => {
    const id = productIds[i];
    if (level && id) out.set(id, level.level - (unsynced.get(id) ?? 0));
  });
  return out;
}

export async function startHubLink(): Promise<void> {
  const { bridge, db } = services();
  const watermarks = await PushWatermarks.open(db.docs);
  openWatermarks = watermarks;
  const catalog = catalogSynchronizer(
    db.catalog,
    bridge,
    (state) => {
      useSyncStore.setState({ catalog: { imported: state.imported, total: state.total, done: state.done } });
      catalogChanged();
      // New rules from head office price the open cart at once (compiled again only if they changed).
      if (state.done) void cartActions.refreshPromotions();
    },
    (error) => {
      if (!(error instanceof PosError && error.code === 'HUB_UNREACHABLE')) reportSyncError('catalog', error);
    },
    // Catalog pages wait while a customer is served: the sale screen keeps the page and IndexedDB.
    untilCashierIdle,
  );
  const stock = coalesced(async () => {
    await pullStockLevels(db.catalog, bridge).then(catalogChanged, (error: unknown) => {
      if (!(error instanceof PosError && error.code === 'HUB_UNREACHABLE')) reportSyncError('stock_levels', error);
    });
  });
  const refreshStock = () => void stock.request();
  let replication: ReturnType<typeof startHubReplication> | null = null;
  const follow = (enrolled: boolean) => {
    if (enrolled && !replication) {
      replication = startHubReplication(db.docs, bridge, watermarks);
      void catalog.request();
      refreshStock();
    }
  };
  bridge.on('hub.status', (hub) => {
    useSyncStore.setState({ hub });
    follow(hub.enrolled);
  });
  bridge.on('sync.stream', (message) => {
    if (CATALOG_PULLED.has(message.collection) || HOST_PULLED.has(message.collection)) void catalog.request();
    if (message.collection === 'stock_levels') refreshStock();
  });
  const hub = await bridge.invoke('hub.status');
  useSyncStore.setState({ hub });
  follow(hub.enrolled);
}
