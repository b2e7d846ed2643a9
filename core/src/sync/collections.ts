/**
 * The sync contract's collections, shared by the hub and the till (STYLE 6: one small versioned
 * module both sides import). Each has a scope (one store's rows, or the chain's shared catalog), a
 * direction, a write policy and the schema version both sides must agree on.
 */
export type SyncScope = 'store' | 'catalog';
export type SyncDirection = 'push' | 'pull' | 'both';
/**
 * append-only: a document is written once; the same id with other content is a conflict.
 * hub-edited: written at the hub only; tills pull.
 * hub-derived: computed by the hub (stock levels from the stock ledger); tills pull.
 * field-merge: both sides write; the hub merges field by field by per-field timestamps.
 */
export type SyncPolicy = 'append-only' | 'hub-edited' | 'hub-derived' | 'field-merge';

export type SyncCollection = {
  readonly name: string;
  readonly scope: SyncScope;
  readonly direction: SyncDirection;
  readonly policy: SyncPolicy;
  /** Bumped with every incompatible change of the document shape. */
  readonly schemaVersion: number;
  /** Oldest version the hub still accepts; older tills get 426 Upgrade Required. */
  readonly minSchemaVersion: number;
  /**
   * Single writer: every document carries the `tillId` of the one till that may push it (a till's
   * sales and records), so the hub refuses a document claiming another till.
   */
  readonly tillOwned: boolean;
};

export const SYNC_COLLECTIONS = [
  // 1: sale documents of version 1 (docs/fiscal.md §6); the hub still takes version 0 tills' sales.
  { name: 'sales', scope: 'store', direction: 'push', policy: 'append-only', schemaVersion: 1, minSchemaVersion: 0, tillOwned: true },
  {
    name: 'till_records',
    scope: 'store',
    direction: 'push',
    policy: 'append-only',
    schemaVersion: 0,
    minSchemaVersion: 0,
    tillOwned: true,
  },
  { name: 'customers', scope: 'store', direction: 'both', policy: 'field-merge', schemaVersion: 0, minSchemaVersion: 0, tillOwned: false },
  {
    name: 'stock_levels',
    scope: 'store',
    direction: 'pull',
    policy: 'hub-derived',
    schemaVersion: 0,
    minSchemaVersion: 0,
    tillOwned: false,
  },
  {
    name: 'store_settings',
    scope: 'store',
    direction: 'pull',
    policy: 'hub-edited',
    schemaVersion: 0,
    minSchemaVersion: 0,
    tillOwned: false,
  },
  { name: 'products', scope: 'catalog', direction: 'pull', policy: 'hub-edited', schemaVersion: 0, minSchemaVersion: 0, tillOwned: false },
  {
    name: 'price_lists',
    scope: 'catalog',
    direction: 'pull',
    policy: 'hub-edited',
    schemaVersion: 0,
    minSchemaVersion: 0,
    tillOwned: false,
  },
  {
    name: 'promotions',
    scope: 'catalog',
    direction: 'pull',
    policy: 'hub-edited',
    schemaVersion: 0,
    minSchemaVersion: 0,
    tillOwned: false,
  },
  // Loyalty programs (core LoyaltyProgram), versioned like promotions: a sale's earn names one version.
  {
    name: 'loyalty_programs',
    scope: 'catalog',
    direction: 'pull',
    policy: 'hub-edited',
    schemaVersion: 0,
    minSchemaVersion: 0,
    tillOwned: false,
  },
] as const satisfies readonly SyncCollection[];

export type SyncCollectionName = (typeof SYNC_COLLECTIONS)[number]['name'];

export function findSyncCollection(name: unknown): SyncCollection | undefined {
  return SYNC_COLLECTIONS.find((c) => c.name === name);
}

export function canPush(collection: SyncCollection): boolean {
  return collection.direction !== 'pull';
}

export function canPull(collection: SyncCollection): boolean {
  return collection.direction !== 'push';
}
