import canonicalize from 'canonicalize';

/** A text escape of a lone UTF-16 surrogate in JSON.stringify's output (an even run of backslashes before it is text). */
const LONE_SURROGATE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

/** Thrown by the fast path for what only the general serialiser handles (toJSON, boxed values, class instances). */
class NotPlain extends Error {}

/** Keys an object enumerates before all others whatever their insertion order (array indexes): a copy cannot keep them sorted. */
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotPlain();
    return value;
  }
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value !== 'object') throw new NotPlain();
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  const source = value as Record<string, unknown>;
  if (typeof source.toJSON === 'function') throw new NotPlain();
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    // An own "__proto__" member would set the copy's prototype instead of being written: the general serialiser takes it.
    if (INDEX_KEY.test(key) || key === '__proto__') throw new NotPlain();
    const v = source[key];
    // Members JSON has no form for are left out, as canonicalize does.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    copy[key] = sortedCopy(v);
  }
  return copy;
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a value, as the `canonicalize` package writes
 * it, faster for plain JSON data (what records are): members sorted by UTF-16 code units, then
 * the engine's JSON.stringify, whose strings and numbers are the scheme's. What canonicalize
 * refuses (a lone surrogate, a number JSON cannot write) is refused the same; anything but plain
 * data (toJSON, boxed values, instances, keys that look like array indexes) goes to canonicalize.
 */
export function canonicalJson(value: unknown): string | undefined {
  let copy: unknown;
  try {
    copy = sortedCopy(value);
  } catch (error) {
    if (error instanceof NotPlain) return canonicalize(value);
    throw error;
  }
  const text = JSON.stringify(copy);
  // JSON.stringify writes a lone surrogate as an escape; the scheme has no form for it.
  if (text.includes('\\u') && LONE_SURROGATE_ESCAPE.test(text)) throw new Error('Lone surrogate is not allowed');
  return text;
}
