import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnstorableText, jsonHasUnstorableText } from './document-checks';

// Strings from every UTF-16 code unit, so lone surrogates and NULs turn up, plus the tricky spellings.
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', '\ud800', '\udc00', '\ud83d\ude00', '\\u0000', '\\\\u0000', '\\ud800', 'a\\\u0000', '\\\ud800x'),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;

describe('the quick test of a document for text PostgreSQL cannot store', () => {
  it('says what the walk through every string says, for any document', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonHasUnstorableText(JSON.stringify(v), v)).toBe(hasUnstorableText(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('is not fooled by an escaped backslash before "u0000" or by a well-formed pair', () => {
    expect(jsonHasUnstorableText(JSON.stringify({ a: '\\u0000' }), { a: '\\u0000' })).toBe(false);
    expect(jsonHasUnstorableText(JSON.stringify({ a: '😀' }), { a: '😀' })).toBe(false);
    expect(jsonHasUnstorableText(JSON.stringify({ a: '\\\u0000' }), { a: '\\\u0000' })).toBe(true);
    expect(jsonHasUnstorableText(JSON.stringify({ '\ud800': 1 }), { '\ud800': 1 })).toBe(true);
  });
});
