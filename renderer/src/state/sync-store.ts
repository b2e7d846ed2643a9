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
};

export const useSyncStore = create<SyncState>()(() => ({ hub: null, pending: 0, catalog: null, issues: [], panelOpen: false }));

const MAX_ISSUES = 50;

/** Newest first, the same message for the same collection not repeated. */
export function reportSyncIssue(collection: SyncIssue['collection'], message: string): void {
  useSyncStore.setState((s) => {
    const rest = s.issues.filter((i) => !(i.collection === collection && i.message === message));
    return { issues: [{ at: new Date().toISOString(), collection, message }, ...rest].slice(0, MAX_ISSUES) };
  });
}
