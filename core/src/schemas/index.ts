export * from './cart.schema';
export * from './customer.schema';
export * from './sale.schema';
export * from './setting.schema';
export * from './till-record.schema';

/**
 * The till's RxDB collections, grouped by sync policy (the free RxDB tier opens at most 13
 * collections per process). Catalog data lives in Dexie directly, not here.
 */
export const TILL_COLLECTIONS = ['sales', 'till_records', 'customers', 'carts', 'settings'] as const;
