import type { HubStatus, SyncCollectionName } from '@pos/core';
import { create } from 'zustand';
import type { Message } from './app-store';
import { errorMessage, hostWords } from './error-notice';

/**
 * Something the sync could not do: a sentence by its key (translated where it is shown, so a
 * language switch applies), with the hub's or the host's own words kept for support only.
 */
export type SyncIssue = {
  readonly at: string;
  readonly collection: SyncCollectionName | 'catalog';
  readonly message: Message;
  readonly words?: string;
};

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

const sameIssue = (a: Omit<SyncIssue, 'at'>, b: Omit<SyncIssue, 'at'>) =>
  a.collection === b.collection && a.words === b.words && JSON.stringify(a.message) === JSON.stringify(b.message);

/** Newest first, the same issue for the same collection not repeated. */
export function reportSyncIssue(collection: SyncIssue['collection'], message: Message, words?: string): void {
  const issue = { collection, message, ...(words ? { words } : {}) };
  useSyncStore.setState((s) => {
    const rest = s.issues.filter((i) => !sameIssue(i, issue));
    return { issues: [{ at: new Date().toISOString(), ...issue }, ...rest].slice(0, MAX_ISSUES) };
  });
}

/** A failed pull or push, whatever was thrown (a host error, an RxDB error, a bare object): said by its code. */
export function reportSyncError(collection: SyncIssue['collection'], error: unknown): void {
  reportSyncIssue(collection, errorMessage(error), hostWords(error));
}
