import { createHash } from 'node:crypto';

/** What the hub keeps of a document it will not store whole: the start of its JSON text, and the hash and size of all of it. */
export type DocumentDigest = {
  readonly excerpt: string;
  /** SHA-256 (hex) of the whole JSON text, as UTF-8. */
  readonly sha256: string;
  /** Bytes of the whole JSON text, as UTF-8. */
  readonly bytes: number;
};

type Frame =
  | { readonly items: readonly unknown[]; index: number }
  | { readonly fields: Readonly<Record<string, unknown>>; readonly keys: readonly string[]; index: number; wrote: boolean };

function scalarText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  return 'null';
}

/**
 * JSON.stringify's text of `value`, in pieces, without recursion: the documents given here are
 * the ones refused, among them documents nested deep enough to overflow any recursive walk.
 */
function* jsonPieces(value: unknown): Generator<string> {
  const stack: Frame[] = [];
  let next: unknown = value;
  let pending = true;
  for (;;) {
    if (pending) {
      pending = false;
      if (Array.isArray(next)) {
        yield '[';
        stack.push({ items: next, index: 0 });
      } else if (typeof next === 'object' && next !== null) {
        yield '{';
        stack.push({ fields: next as Record<string, unknown>, keys: Object.keys(next), index: 0, wrote: false });
      } else yield scalarText(next);
    }
    const top = stack.at(-1);
    if (!top) return;
    if ('items' in top) {
      if (top.index < top.items.length) {
        if (top.index > 0) yield ',';
        next = top.items[top.index++];
        pending = true;
      } else {
        yield ']';
        stack.pop();
      }
      continue;
    }
    while (top.index < top.keys.length && top.fields[top.keys[top.index]!] === undefined) top.index++;
    if (top.index < top.keys.length) {
      const key = top.keys[top.index++]!;
      yield `${top.wrote ? ',' : ''}${JSON.stringify(key)}:`;
      top.wrote = true;
      next = top.fields[key];
      pending = true;
    } else {
      yield '}';
      stack.pop();
    }
  }
}

/** The first `maxChars` characters of the JSON text (never half a surrogate pair), its SHA-256 and its size. */
export function digestDocument(value: unknown, maxChars: number): DocumentDigest {
  const hash = createHash('sha256');
  let bytes = 0;
  let excerpt = '';
  for (const piece of jsonPieces(value)) {
    hash.update(piece, 'utf8');
    bytes += Buffer.byteLength(piece, 'utf8');
    if (excerpt.length < maxChars) excerpt += piece.slice(0, maxChars - excerpt.length);
  }
  const last = excerpt.charCodeAt(excerpt.length - 1);
  if (excerpt.length === maxChars && last >= 0xd800 && last <= 0xdbff) excerpt = excerpt.slice(0, -1);
  return { excerpt, sha256: hash.digest('hex'), bytes };
}
