import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSocketRequest } from './socket-protocol';

describe('parseSocketRequest', () => {
  it('reads a request', () => {
    expect(parseSocketRequest('{"id":3,"method":"host.hello"}')).toEqual({ id: 3, method: 'host.hello', request: undefined });
    expect(parseSocketRequest('{"id":4,"method":"journal.read","request":{"chain":"sale"}}')).toEqual({
      id: 4,
      method: 'journal.read',
      request: { chain: 'sale' },
    });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['null', 'null', /object/],
    ['a number', '12', /object/],
    ['a string', '"x"', /object/],
    ['an array', '[1]', /numeric id/],
    ['no id', '{"method":"host.hello"}', /numeric id/],
    ['a string id', '{"id":"1","method":"host.hello"}', /numeric id/],
    ['a fractional id', '{"id":1.5,"method":"host.hello"}', /numeric id/],
    ['an unsafe id', `{"id":${2 ** 60},"method":"host.hello"}`, /numeric id/],
  ])('refuses %s without an id to answer', (_what, raw, message) => {
    const parsed = parseSocketRequest(raw);
    expect(parsed).toMatchObject({ error: expect.stringMatching(message) });
    expect('id' in parsed && parsed.id !== undefined).toBe(false);
  });

  it('keeps the id when only the method is wrong, so the client gets an answer', () => {
    expect(parseSocketRequest('{"id":9}')).toEqual({ error: 'message needs a method', id: 9 });
    expect(parseSocketRequest('{"id":9,"method":null}')).toEqual({ error: 'message needs a method', id: 9 });
  });

  it('does not let __proto__ in a message change anything', () => {
    const parsed = parseSocketRequest('{"id":1,"method":"host.hello","__proto__":{"polluted":true}}');
    expect(parsed).toEqual({ id: 1, method: 'host.hello', request: undefined });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const parsed = parseSocketRequest(raw);
        expect(typeof parsed).toBe('object');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any JSON value, and answers either a request or an error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseSocketRequest(JSON.stringify(value));
        if ('error' in parsed) {
          expect(typeof parsed.error).toBe('string');
          if (parsed.id !== undefined) expect(Number.isSafeInteger(parsed.id)).toBe(true);
        } else {
          expect(Number.isSafeInteger(parsed.id)).toBe(true);
          expect(typeof parsed.method).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every well-formed request', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
        fc.string(),
        fc.option(fc.jsonValue(), { nil: undefined }),
        (id, method, request) => {
          const raw = JSON.stringify({ id, method, ...(request === undefined ? {} : { request }) });
          const parsed = parseSocketRequest(raw);
          expect(parsed).toEqual({ id, method, request: request === undefined ? undefined : JSON.parse(JSON.stringify(request)) });
        },
      ),
    );
  });

  it('survives deeply nested and very long messages', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseSocketRequest(deep)).not.toThrow();
    expect(() => parseSocketRequest(`{"id":1,"method":"${'m'.repeat(1_000_000)}"}`)).not.toThrow();
  });
});
