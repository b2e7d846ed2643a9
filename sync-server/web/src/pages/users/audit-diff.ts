/** One field of an audited change: its value before and after, as text (absent: undefined). */
export type FieldChange = { readonly field: string; readonly before: string | undefined; readonly after: string | undefined };

const MAX_FIELDS = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a person reads it: text as is, lists joined, objects as compact JSON. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Nested objects flattened to dotted fields (roles.cashier), so a diff names the field that changed. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isRecord(value)) {
    if (value !== null && value !== undefined) out.set(prefix || 'value', value);
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (isRecord(v) && Object.keys(v).length > 0) flatten(v, field, out);
    else out.set(field, v);
  }
  return out;
}

/**
 * The fields of an audit entry's before and after, field by field: those that differ (or are only on
 * one side) in `changed`, and how many are the same in `unchanged`. A creation has no before, a
 * route's body no state before: every field it names is then a change.
 */
export function auditDiff(before: unknown, after: unknown): { changed: FieldChange[]; unchanged: number } {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])].slice(0, MAX_FIELDS);
  const changed: FieldChange[] = [];
  let unchanged = 0;
  for (const field of fields) {
    const was = valueText(b.get(field));
    const is = valueText(a.get(field));
    if (was === is) unchanged += 1;
    else changed.push({ field, before: was, after: is });
  }
  return { changed, unchanged };
}
