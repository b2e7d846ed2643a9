import type { SyncCollection } from '@pos/core';

/** Whose rows a request reads or writes: one store's (from the device token), or the shared catalog. */
export type Scope = { readonly kind: 'store'; readonly storeId: string } | { readonly kind: 'catalog' };

export const CATALOG_SCOPE: Scope = { kind: 'catalog' };

export function scopeFor(collection: SyncCollection, storeId: string): Scope {
  return collection.scope === 'catalog' ? CATALOG_SCOPE : { kind: 'store', storeId };
}

/** The scope as named in change notifications: the store id, or 'catalog' (no store may be called that). */
export function scopeName(scope: Scope): string {
  return scope.kind === 'catalog' ? 'catalog' : scope.storeId;
}
