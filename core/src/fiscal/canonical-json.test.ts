import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

const outcome = (f: () => string | undefined) => {
  try {
    return { text: f() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

describe('canonicalJson', () => {
  it('writes an own "__proto__" member, which a plain copy would take for the prototype (found by the property below)', () => {
    const value = JSON.parse('{"b":1,"__proto__":0}') as unknown;
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson(value)).toBe('{"__proto__":0,"b":1}');
  });

  it('property: writes exactly what canonicalize writes, or refuses what it refuses, for any JSON value and any text', () => {
    const texts = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    const values = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        texts,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(texts, tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(values, (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps canonicalize’s answers at the edges: lone surrogates, escaped backslashes, -0, non-finite numbers, undefined members, toJSON', () => {
    const cases: unknown[] = [
      { a: '\ud800' },
      { '\udc00': 1 },
      { a: '\\ud800' },
      { a: '\\\ud800' },
      ['\u0000\u001f', 'é😀'],
      -0,
      { n: NaN },
      [Infinity],
      { a: undefined, b: [undefined], c: () => 1 },
      { when: new Date(0) },
      { big: 1e21, small: 1e-7, third: 1 / 3 },
      { '0': {}, '': '', '10': 1, '9': 2, a1: 3 },
    ];
    for (const value of cases) expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
  });
});
