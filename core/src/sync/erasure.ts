import { FIELD_TIMES, fieldTimeMillis } from './field-merge';
import type { SyncDocument } from './sync-protocol';

/**
 * Erasure of a document holding personal data (a customer): once deleted, it keeps its id, the
 * deletion flag, when it was deleted and the store it belongs to (not personal: the scope every
 * till's copy lives in), nothing else. The hub applies it as an absorbing rule: a deletion wins
 * over any edit, and nothing pushed later brings the data back.
 */
export type Tombstone = SyncDocument & {
  readonly _deleted: true;
  readonly storeId?: string;
  readonly updatedAt: string;
  readonly fieldTimes: { readonly _deleted: string };
};

function isoTime(value: unknown): string | null {
  const ms = fieldTimeMillis(value);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** When `doc` was deleted: its `_deleted` field time, else its `updatedAt`, else `now` (an ISO time). */
export function deletionTime(doc: Readonly<Record<string, unknown>>, now: string): string {
  const times = doc[FIELD_TIMES];
  const fieldTime = typeof times === 'object' && times !== null ? (times as Record<string, unknown>)._deleted : undefined;
  return isoTime(fieldTime) ?? isoTime(doc.updatedAt) ?? now;
}

/** The tombstone `doc` becomes once deleted (`now` when it says no time of its own). */
export function tombstoneOf(doc: Readonly<Record<string, unknown>> & { readonly id: string }, now: string): Tombstone {
  const when = deletionTime(doc, now);
  return {
    id: doc.id,
    _deleted: true,
    ...(typeof doc.storeId === 'string' ? { storeId: doc.storeId } : {}),
    updatedAt: when,
    fieldTimes: { _deleted: when },
  };
}
