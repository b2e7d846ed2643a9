import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBoundsProblem, type JsonBounds } from './json-bounds';

/** JSON values whose numbers JSON carries exactly (fast-check's own may hold 2^53 and beyond). */
const exactJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    fc.string({ unit: 'binary' }),
    fc.integer(),
    fc.double({ noNaN: true, min: -1e15, max: 1e15 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.string().filter((k) => k !== '__proto__'),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

const bounds: JsonBounds = { maxDepth: 8, maxValues: 1000, maxTextLength: 100 };

/** Arrays and objects `levels` deep around a number, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('the bounds of a JSON value', () => {
  it('passes any JSON value within them, whatever its shape', () => {
    fc.assert(
      fc.property(exactJson, (v) => {
        // As a body holds it: parsed from its JSON text.
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        expect(jsonBoundsProblem(parsed, { ...bounds, maxValues: 1_000_000, maxTextLength: 10_000 })).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('counts depth from the value itself, and walks 100,000 levels without a stack overflow', () => {
    expect(jsonBoundsProblem(nested(8), bounds)).toBeNull();
    expect(jsonBoundsProblem(nested(9), bounds)).toMatch(/is nested more than 8 levels deep$/);
    expect(jsonBoundsProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), bounds)).toMatch(/^document\[0\]\[0\]/);
  });

  it('counts every value, containers included', () => {
    expect(
      jsonBoundsProblem(
        Array.from({ length: 999 }, () => 0),
        bounds,
      ),
    ).toBeNull();
    expect(
      jsonBoundsProblem(
        Array.from({ length: 1000 }, () => 0),
        bounds,
      ),
    ).toBe('document holds more than 1,000 values');
  });

  it('names the path of the first problem: long text or key, numbers JSON did not carry exactly, prototype names', () => {
    const at = (value: unknown) => jsonBoundsProblem(JSON.parse(JSON.stringify(value).replace(/"@([-\w]+)"/g, '$1')), bounds, 'doc');
    expect(at({ a: [{ b: 'x'.repeat(101) }] })).toBe('doc.a[0].b is a text longer than 100 characters');
    expect(at({ ['k'.repeat(101)]: 1 })).toMatch(/^doc\["k{40}"\] has a key of text longer than 100/);
    expect(at({ n: '@1e400' })).toBe('doc.n is a number too large to be represented (such as 1e400)');
    expect(at({ n: '@-1e400' })).toMatch(/too large/);
    expect(at({ n: '@9007199254740993' })).toBe(
      'doc.n is 9007199254740992, beyond the whole numbers JSON carries exactly (±9007199254740991)',
    );
    expect(at({ n: 9007199254740991, m: -9007199254740991, f: 0.1, e: 1e-300 })).toBeNull();
    expect(jsonBoundsProblem(JSON.parse('{"x":{"__proto__":{"a":1}}}'), bounds)).toBe(
      'document.x.__proto__ is a field named __proto__, which is not allowed',
    );
    expect(jsonBoundsProblem(JSON.parse('{"constructor":{"prototype":{}}}'), bounds)).toMatch(/constructor holding a prototype/);
    expect(jsonBoundsProblem({ constructor: 'a name like any other' }, bounds)).toBeNull();
  });

  it('refuses what JSON cannot hold when given values made in code', () => {
    expect(jsonBoundsProblem({ a: 1n }, bounds)).toBe('document.a is not a JSON value');
    expect(jsonBoundsProblem(Number.NaN, bounds)).toMatch(/^document is a number too large/);
  });
});
