import type { HubStatus, SyncCollectionName } from '@pos/core';
import { create } from 'zustand';

export type SyncIssue = { readonly at: string; readonly collection: SyncCollectionName | 'catalog'; readonly message: string };

type SyncState = {
  hub: HubStatus | null;
  /** Sales and till records written here that the hub has not accepted yet. */
  pending: number;
  catalog: { readonly imported: number; readonly total: number; readonly done: boolean } | null;
  issues: readonly SyncIssue[];
  panelOpen: boolean;
  /** Bumped each time catalog changes or stock levels from the hub are written: what is on screen looks again. */
  catalogRevision: number;
};

export const useSyncStore = create<SyncState>()(() => ({
  hub: null,
  pending: 0,
  catalog: null,
  issues: [],
  panelOpen: false,
  catalogRevision: 0,
}));

export function catalogChanged(): void {
  useSyncStore.setState((s) => ({ catalogRevision: s.catalogRevision + 1 }));
}

const MAX_ISSUES = 50;

/** Newest first, the same message for the same collection not repeated. */
export function reportSyncIssue(collection: SyncIssue['collection'], message: string): void {
  useSyncStore.setState((s) => {
    const rest = s.issues.filter((i) => !(i.collection === collection && i.message === message));
    return { issues: [{ at: new Date().toISOString(), collection, message }, ...rest].slice(0, MAX_ISSUES) };
  });
}
