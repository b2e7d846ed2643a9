import { DEMO_CATALOG_SIZE, demoProducts, demoStoreProfile, findSyncCollection, type SyncCollection } from '@pos/core';
import { STORE_SETTINGS_DOC_ID, type StoreSettings } from '@pos/core/sync/store-settings';
import type { Database } from '../db/database';
import { insertMissingDocuments } from '../sync/hub-writes';
import { CATALOG_SCOPE } from '../sync/scope';

export const DEMO_STORE_ID = 'S001';
export const DEMO_TILL_ID = 'T01';
/** Products per transaction: a few thousand rows per statement, one counter update each. */
export const DEMO_SEED_BATCH = 5000;

const PRODUCTS = findSyncCollection('products') as SyncCollection;
const STORE_SETTINGS = findSyncCollection('store_settings') as SyncCollection;

export type DemoSeedOptions = {
  /** Size of the generated catalog (core's deterministic demo catalog); 2,000 by default. */
  readonly products?: number;
  readonly batchSize?: number;
  /** Called after each batch (the command line shows progress of a large catalog). */
  readonly onProgress?: (done: number, total: number) => void;
};

export type DemoSeedResult = {
  readonly storeCreated: boolean;
  readonly tillCreated: boolean;
  readonly settingsCreated: boolean;
  /** Products written now; the others were there already (or deleted by head office, and left so). */
  readonly productsCreated: number;
  readonly products: number;
};

/** The demo store's settings: core's demo profile without a till's identity. */
export function demoStoreSettings(): StoreSettings {
  const { storeId: _storeId, tillId: _tillId, ...settings } = demoStoreProfile(DEMO_STORE_ID, DEMO_TILL_ID);
  return settings;
}

/**
 * Creates what is missing of the demo store: store S001 "Épicerie du Marché", till T01, its
 * settings document and the generated catalog. Runs at every `serve --demo`; what exists (edited
 * settings, a changed price, a deleted product) is left as head office made it.
 */
export async function seedDemoStore(db: Database, options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const total = options.products ?? DEMO_CATALOG_SIZE;
  const batchSize = options.batchSize ?? DEMO_SEED_BATCH;
  const settings = demoStoreSettings();
  const storeCreated =
    (
      await db.query('INSERT INTO stores (store_id, name) VALUES ($1, $2) ON CONFLICT (store_id) DO NOTHING RETURNING store_id', [
        DEMO_STORE_ID,
        settings.name,
      ])
    ).length > 0;
  const tillCreated =
    (
      await db.query(
        'INSERT INTO tills (store_id, till_id, label) VALUES ($1, $2, $3) ON CONFLICT (store_id, till_id) DO NOTHING RETURNING till_id',
        [DEMO_STORE_ID, DEMO_TILL_ID, `Caisse ${settings.tillLabel}`],
      )
    ).length > 0;
  const scope = { kind: 'store', storeId: DEMO_STORE_ID } as const;
  const settingsWrite = await db.transaction((tx) =>
    insertMissingDocuments(tx, scope, STORE_SETTINGS, [{ id: STORE_SETTINGS_DOC_ID, ...settings }]),
  );
  let productsCreated = 0;
  for (let from = 0; from < total; from += batchSize) {
    const batch = demoProducts(from, batchSize, total);
    productsCreated += (await db.transaction((tx) => insertMissingDocuments(tx, CATALOG_SCOPE, PRODUCTS, batch))).written;
    options.onProgress?.(Math.min(from + batchSize, total), total);
  }
  return { storeCreated, tillCreated, settingsCreated: settingsWrite.written > 0, productsCreated, products: total };
}
