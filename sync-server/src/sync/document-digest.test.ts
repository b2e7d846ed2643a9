import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestDocument } from './document-digest';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the digest of a refused document', () => {
  it('is JSON.stringify’s text, its SHA-256 and its UTF-8 size, for any value', () => {
    const value = fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: false, withObjectString: true });
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v) ?? 'null';
        expect(digestDocument(v, Number.MAX_SAFE_INTEGER)).toEqual({ excerpt: text, sha256: sha256(text), bytes: Buffer.byteLength(text) });
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts the excerpt at the limit, never inside a surrogate pair, and digests 100,000 levels without a stack overflow', () => {
    expect(digestDocument({ a: 'x'.repeat(100) }, 10).excerpt).toBe('{"a":"xxxx');
    expect(digestDocument({ a: '😀😀' }, 7).excerpt).toBe('{"a":"');
    expect(digestDocument({ a: '😀😀' }, 8).excerpt).toBe('{"a":"😀');
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(digestDocument(JSON.parse(text), 5)).toEqual({ excerpt: '[[[[[', sha256: sha256(text), bytes: 200_000 });
  });
});
