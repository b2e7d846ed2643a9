import type { SyncDocument } from '@pos/core';

/** A document as kept: its fields in `doc`, the rest in columns. */
export type StoredDocument = {
  readonly id: string;
  readonly seq: number;
  readonly doc: Record<string, unknown>;
  readonly deleted: boolean;
};

/** Fields RxDB keeps for itself: never content, so never stored and never compared. */
const META_FIELDS = new Set(['id', '_deleted', '_rev', '_meta', '_attachments']);

/** The document's own fields, without id, deletion flag or RxDB bookkeeping. */
export function contentOf(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!META_FIELDS.has(key)) content[key] = value;
  return content;
}

/** What goes on the wire: the stored fields plus `id` and `_deleted`. */
export function toSyncDocument(stored: Pick<StoredDocument, 'id' | 'doc' | 'deleted'>): SyncDocument {
  return { ...stored.doc, id: stored.id, _deleted: stored.deleted };
}
