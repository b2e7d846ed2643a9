import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldTimeMillis, mergeFields, sameDocument } from './field-merge';

const doc = (fields: Record<string, unknown>, times: Record<string, string> = {}): Record<string, unknown> => ({
  id: 'c1',
  _deleted: false,
  ...fields,
  fieldTimes: times,
});
const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-21T10:00:00.000Z';
const T2 = '2026-11-22T10:00:00.000Z';

/** Three versions of one document over the same few fields, values and times. */
const value = fc.constantFrom('a', 'b', 'c', undefined);
const time = fc.constantFrom(T0, T1, T2, 'not a time');
const version = fc.record({ x: value, y: value, deleted: fc.boolean(), tx: time, ty: time, td: time }).map((r) => ({
  ...doc({ x: r.x, y: r.y, _deleted: r.deleted }, { x: r.tx, y: r.ty, _deleted: r.td }),
}));
const fields = (d: Record<string, unknown>) => ({ x: d.x, y: d.y, _deleted: d._deleted === true });

describe('mergeFields', () => {
  it('takes a document the hub does not have as it comes', () => {
    const till = doc({ lastName: 'Martin' }, { lastName: T1 });
    expect(mergeFields(null, till, null)).toEqual({ merged: till, tillMustAdopt: false });
  });

  it('keeps what only the hub changed and takes what only the till changed, whatever the clocks say', () => {
    const base = doc({ firstName: 'Ana', phone: '0600' }, { firstName: T0, phone: T0 });
    const hub = doc({ firstName: 'Ana', phone: '0611' }, { firstName: T0, phone: T1 });
    const till = doc({ firstName: 'Anna', phone: '0600' }, { firstName: '2030-01-01T00:00:00.000Z', phone: '2030-01-01T00:00:00.000Z' });
    const { merged, tillMustAdopt } = mergeFields(hub, till, base);
    expect(merged).toMatchObject({ firstName: 'Anna', phone: '0611', fieldTimes: { phone: T1 } });
    expect(tillMustAdopt).toBe(true);
  });

  it('both changed a field: the later time wins, a tie or an unreadable time keeps the hub’s', () => {
    const base = doc({ email: 'a' }, { email: T0 });
    const hub = doc({ email: 'hub' }, { email: T1 });
    expect(mergeFields(hub, doc({ email: 'till' }, { email: T2 }), base).merged.email).toBe('till');
    expect(mergeFields(hub, doc({ email: 'till' }, { email: T1 }), base).merged.email).toBe('hub');
    expect(mergeFields(hub, doc({ email: 'till' }, { email: 'yesterday' }), base).merged.email).toBe('hub');
  });

  it('a field removed by one side stays removed unless the other changed it later', () => {
    const base = doc({ phone: '0600', email: 'a' }, { phone: T0, email: T0 });
    const till = doc({ email: 'a' }, { phone: T1, email: T0 });
    expect(mergeFields(base, till, base).merged).not.toHaveProperty('phone');
  });

  it('reads epoch milliseconds and ISO strings alike', () => {
    expect(fieldTimeMillis(Date.parse(T1))).toBe(fieldTimeMillis(T1));
    expect(fieldTimeMillis('garbage')).toBe(Number.NEGATIVE_INFINITY);
    expect(fieldTimeMillis(undefined)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('property: a till that changed nothing gets the hub’s values; a hub that changed nothing takes the till’s', () => {
    fc.assert(
      fc.property(version, version, (hub, till) => {
        expect(fields(mergeFields(hub, hub, hub).merged)).toEqual(fields(hub));
        expect(fields(mergeFields(hub, till, till).merged)).toEqual(fields(hub));
        expect(fields(mergeFields(till, till, till).merged)).toEqual(fields(till));
        expect(fields(mergeFields(hub, till, hub).merged)).toEqual(fields(till));
      }),
    );
  });

  it('property: every merged value comes from one side, and merging again changes nothing', () => {
    fc.assert(
      fc.property(version, version, fc.option(version, { nil: null }), (hub, till, base) => {
        const { merged, tillMustAdopt } = mergeFields(hub, till, base);
        for (const f of ['x', 'y'] as const) expect([hub[f], till[f]]).toContainEqual(merged[f]);
        expect(tillMustAdopt).toBe(!sameDocument(merged, till));
        expect(mergeFields(merged, till, base).merged).toEqual(merged);
      }),
    );
  });
});
