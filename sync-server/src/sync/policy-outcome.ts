import type { SyncDocument } from '@pos/core';

/** What a write policy decides for a batch, before sequence numbers are given out. */
export type PlannedWrite = {
  readonly id: string;
  readonly content: Record<string, unknown>;
  /** `content` as JSON when the policy wrote it unchanged from the push (checked text, not re-serialised). */
  readonly contentJson?: string;
  readonly deleted: boolean;
};

/**
 * conflict: same id, other content; unreadable_sale_line: a sale line no stock movement could be
 * read from; unprojectable_sale: a sale the stock projector could not apply, skipped;
 * quarantine_full: a store's quarantine is full, refusals are only counted.
 */
export type PlannedIncident = {
  readonly kind: 'conflict' | 'unreadable_sale_line' | 'unprojectable_sale' | 'quarantine_full';
  readonly docId: string;
  readonly details: Record<string, unknown>;
};

export type PolicyOutcome = {
  readonly writes: readonly PlannedWrite[];
  readonly conflicts: readonly SyncDocument[];
  readonly incidents: readonly PlannedIncident[];
};

/** A push once stored: the newest sequence number written (null when it wrote nothing: a retry, conflicts only), what goes back, what head office gets. */
export type StoredPush = {
  readonly lastSeq: number | null;
  readonly conflicts: PolicyOutcome['conflicts'];
  readonly incidents: PolicyOutcome['incidents'];
};
