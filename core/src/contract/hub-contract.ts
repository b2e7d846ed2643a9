import type { Product } from '../catalog/product';
import type { SyncCollectionName } from '../sync/collections';
import type { PriceListDoc } from '../sync/head-office-price-lists';
import type { Promotion } from '../promotions/promotion';
import type { PullResponse, PushResponse, PushRow, StreamEvent, SyncCheckpoint } from '../sync/sync-protocol';
import type { Method } from './contract-method';

/**
 * The host methods of the till's link to the hub: enrollment, the catalog's pages and the
 * replication of the synced collections (the device token never leaves the host).
 */

/** The till's link to the hub, as the host sees it (the device token never leaves the host). */
export type HubStatus = {
  readonly enrolled: boolean;
  readonly hubUrl: string | null;
  readonly storeId: string;
  readonly tillId: string;
  /** The last request to the hub succeeded. */
  readonly online: boolean;
  readonly lastSyncAt: string | null;
  readonly lastError: string | null;
};

export type CatalogPage = {
  /** Where the catalog comes from ("demo", or the hub's address): a new source means a fresh import. */
  readonly source: string;
  readonly products: readonly Product[];
  /** Products withdrawn from the catalog since the last page (tombstones): removed from the till. */
  readonly deletedIds: readonly string[];
  /** Price lists written since the last page, each whole: its entries replace the list's on the till. */
  readonly priceLists?: readonly PriceListDoc[];
  /** Price lists deleted since the last page (tombstones): their entries are removed from the till. */
  readonly deletedPriceListIds?: readonly string[];
  /** Promotions saved since the last page, each in its newest version: it replaces the rule on the till. */
  readonly promotions?: readonly Promotion[];
  /** Promotions deleted since the last page (tombstones): removed from the till. */
  readonly deletedPromotionIds?: readonly string[];
  /** Opaque; pass it back to get the next page. Null when the source has nothing yet. */
  readonly checkpoint: string | null;
  /** Changes still to fetch after this page: with what was imported, the progress bar's total. */
  readonly remaining: number;
  readonly done: boolean;
};

export type SyncStreamMessage = { readonly collection: SyncCollectionName; readonly event: StreamEvent | 'RESYNC' };

export type HubContract = {
  'catalog.pull': Method<{ readonly checkpoint: string | null; readonly limit: number }, CatalogPage>;
  'hub.status': Method<void, HubStatus>;
  /** A manager enrolls the till with the one-time code shown at the hub. */
  'hub.enroll': Method<{ readonly hubUrl: string; readonly code: string }, HubStatus>;
  'sync.pull': Method<
    { readonly collection: SyncCollectionName; readonly checkpoint: SyncCheckpoint | null; readonly limit: number },
    PullResponse
  >;
  'sync.push': Method<{ readonly collection: SyncCollectionName; readonly rows: readonly PushRow[] }, PushResponse>;
};
