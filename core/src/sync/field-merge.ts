import { canonicalText } from '../fiscal/chain';

/**
 * Field-merge collections (customers) carry, beside their fields, the time each field was last
 * changed: `fieldTimes: { email: '2026-11-22T10:00:00.000Z', … }` (ISO strings; epoch milliseconds
 * are read too). RxDB reserves top-level names starting with `_`, hence no underscore. The hub
 * and the till merge with this one function, so both sides agree on the result.
 */
export const FIELD_TIMES = 'fieldTimes';

type Doc = Readonly<Record<string, unknown>>;

export type FieldMergeResult = {
  readonly merged: Record<string, unknown>;
  /** The merge differs from what the till sent: the hub answers with `merged` as a conflict. */
  readonly tillMustAdopt: boolean;
};

/** Not merged as data: the id never changes, the times are rebuilt from each field's winner. */
const NOT_MERGED = new Set(['id', FIELD_TIMES]);

function same(a: unknown, b: unknown): boolean {
  // Wrapped so `undefined` (a missing field) equals a missing field and nothing else.
  return canonicalText({ v: a }) === canonicalText({ v: b });
}

/** Same content, key order aside. */
export function sameDocument(a: Doc, b: Doc): boolean {
  return same(a, b);
}

function timesOf(doc: Doc | null | undefined): Readonly<Record<string, unknown>> {
  const times = doc?.[FIELD_TIMES];
  return times !== null && typeof times === 'object' && !Array.isArray(times) ? (times as Record<string, unknown>) : {};
}

/** An unreadable or missing time loses against any readable one, and ties with another unreadable one. */
export function fieldTimeMillis(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return ms;
  }
  return Number.NEGATIVE_INFINITY;
}

function valueOf(doc: Doc | null | undefined, field: string): unknown {
  // The tombstone flag is always a boolean: absent means "not deleted".
  if (field === '_deleted') return doc ? doc._deleted === true : undefined;
  return doc?.[field];
}

/**
 * Three-way merge of the document a till pushes (`till`) with the hub's current state (`hub`;
 * null when the hub has none), given what the till last saw from the hub (`base`; null when the
 * till thinks the document is new). Per field: the side that changed it relative to `base` wins,
 * whatever its clock says; when both changed it to different values, the later `fieldTimes`
 * entry wins, and a tie keeps the hub's value. `_deleted` merges like any other field.
 */
export function mergeFields(hub: Doc | null, till: Doc, base: Doc | null): FieldMergeResult {
  if (!hub) return { merged: { ...till }, tillMustAdopt: false };
  const hubTimes = timesOf(hub);
  const tillTimes = timesOf(till);
  const fields = new Set<string>(['_deleted']);
  for (const doc of [hub, till, base]) for (const key of Object.keys(doc ?? {})) if (!NOT_MERGED.has(key)) fields.add(key);

  const merged: Record<string, unknown> = { id: hub.id };
  const times: Record<string, unknown> = {};
  for (const field of fields) {
    const hubValue = valueOf(hub, field);
    const tillValue = valueOf(till, field);
    const tillChanged = !base || !same(tillValue, valueOf(base, field));
    const hubChanged = !base || !same(hubValue, valueOf(base, field));
    const tillIsLater = fieldTimeMillis(tillTimes[field]) > fieldTimeMillis(hubTimes[field]);
    // Equal values: keep the later time. One side changed: it wins. Both changed: the later wins.
    const tillWins = same(tillValue, hubValue) ? tillIsLater : tillChanged && (!hubChanged || tillIsLater);
    const value = tillWins ? tillValue : hubValue;
    if (value !== undefined) merged[field] = value;
    const time = tillWins ? tillTimes[field] : hubTimes[field];
    if (time !== undefined) times[field] = time;
  }
  if (Object.keys(times).length > 0 || FIELD_TIMES in hub || FIELD_TIMES in till) merged[FIELD_TIMES] = times;
  return { merged, tillMustAdopt: !same(merged, till) };
}
