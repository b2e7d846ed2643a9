import { describe, expect, it } from 'vitest';
import { check } from '../validation/shape';
import type { EventPayload } from './events';
import { EVENT_SHAPE } from './record-shapes';

/** The till's own events (JET 40, 70, 120, 250, 110) as the host seals them, and what the shape refuses. */
const SEALED: readonly EventPayload[] = [
  { type: 'till.stop' },
  { type: 'hub.offline', since: '2026-12-06T10:00:00.000Z' },
  { type: 'hub.online', offlineSince: '2026-12-06T10:00:00.000Z', offlineMs: 570_000 },
  { type: 'app.version', from: '1.4.0', to: '1.5.0' },
  { type: 'data.export', what: 'z-report', format: 'pdf', staffId: 'staff-sophie', records: [{ chain: 'closing', seq: 3, id: 'z-s1' }] },
];

describe('the event shapes of the till’s own life', () => {
  it.each(SEALED.map((payload) => [payload.type, payload] as const))('accepts %s as sealed', (_type, payload) => {
    expect(check(EVENT_SHAPE, payload, 'payload')).toEqual([]);
  });

  it('refuses what a verifier must not walk: extra members, unbounded lists, a bad time or chain', () => {
    expect(check(EVENT_SHAPE, { type: 'till.stop', why: 'x' }, 'payload')).not.toEqual([]);
    expect(check(EVENT_SHAPE, { type: 'hub.offline', since: 'yesterday' }, 'payload')).not.toEqual([]);
    expect(check(EVENT_SHAPE, { type: 'hub.online', offlineSince: '2026-12-06T10:00:00.000Z', offlineMs: -1 }, 'payload')).not.toEqual([]);
    const record = { chain: 'closing', seq: 1, id: 'z' };
    const export_ = { type: 'data.export', what: 'z-report', format: 'pdf', staffId: 's' };
    expect(check(EVENT_SHAPE, { ...export_, records: Array(101).fill(record) }, 'payload')).not.toEqual([]);
    expect(check(EVENT_SHAPE, { ...export_, records: [{ ...record, chain: 'other' }] }, 'payload')).not.toEqual([]);
    expect(check(EVENT_SHAPE, { ...export_, records: [] }, 'payload')).not.toEqual([]);
  });
});
