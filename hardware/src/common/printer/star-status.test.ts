import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStarReplyReader } from './star-reply-reader';
import { parseStarAsb, starAsbLength } from './star-status';

/** A 9-byte TSP100-style status (header 0x23) with status bytes 3–6 as given. */
const status9 = (s1 = 0, s2 = 0, s3 = 0, s4 = 0) => [0x23, 0x86, s1, s2, s3, s4, 0, 0, 0];

describe('Star automatic status', () => {
  it('takes its length from header 1: bits 1–3 and 5–6', () => {
    expect(starAsbLength(0x0f)).toBe(7);
    expect(starAsbLength(0x23)).toBe(9);
    expect(starAsbLength(0x2f)).toBe(15);
  });

  it('reads offline, cover open, drawer, errors, near end and paper end', () => {
    expect(parseStarAsb(status9())).toEqual({
      ok: true,
      sensors: { drawerSignalHigh: false, offline: false, coverOpen: false, error: false, paperNearEnd: false, paperEnd: false },
    });
    expect(parseStarAsb(status9(0x28))).toMatchObject({ sensors: { offline: true, coverOpen: true } });
    expect(parseStarAsb(status9(0x04))).toMatchObject({ sensors: { drawerSignalHigh: true } });
    expect(parseStarAsb(status9(0, 0x08))).toMatchObject({ sensors: { error: true } });
    expect(parseStarAsb(status9(0x08, 0, 0, 0x0c))).toMatchObject({ sensors: { paperEnd: true, paperNearEnd: true } });
    expect(parseStarAsb(status9(0, 0, 0, 0x02))).toMatchObject({ sensors: { paperEnd: false, paperNearEnd: true } });
  });

  it('refuses a bad header, a length that disagrees with it and a status too short to read', () => {
    expect(parseStarAsb([0x22, ...status9().slice(1)]).ok).toBe(false);
    expect(parseStarAsb(status9().slice(0, 8))).toEqual({ ok: false, error: 'The Star status header announces 9 bytes, 8 were given.' });
    expect(parseStarAsb([0x05, 0, 0])).toMatchObject({ ok: false, error: expect.stringContaining('at least 6') });
    expect(parseStarAsb([])).toMatchObject({ ok: false });
  });

  it('never throws on random or truncated input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 300 }), { maxLength: 40 }), (bytes) => {
        const parsed = parseStarAsb(bytes);
        if (!parsed.ok) expect(parsed.error).toMatch(/\S/);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), (cut) => {
        expect(parseStarAsb(status9().slice(0, cut)).ok).toBe(false);
      }),
    );
  });
});

describe('Star reply reader', () => {
  it('holds a status cut across chunks, and skips noise before it', () => {
    const reader = createStarReplyReader();
    expect(reader.push([0xff, 0x00, ...status9(0x20).slice(0, 4)])).toEqual([
      { kind: 'junk', bytes: [0xff, 0x00], note: expect.any(String) },
    ]);
    expect(reader.pending).toBe(4);
    const [reply] = reader.push(status9(0x20).slice(4));
    expect(reply).toMatchObject({ kind: 'star-asb', sensors: { coverOpen: true } });
    expect(reader.pending).toBe(0);
  });

  it('reports a status cut short at the end of the stream', () => {
    const reader = createStarReplyReader();
    reader.push(status9().slice(0, 5));
    expect(reader.flush()).toEqual([{ kind: 'junk', bytes: status9().slice(0, 5), note: expect.stringContaining('5 of 9') }]);
  });

  it('never throws, and accounts for every byte, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(status9(0x08)), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }))),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        (pieces, cuts) => {
          const bytes = pieces.flat();
          const reader = createStarReplyReader();
          const replies = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length]!;
            replies.push(...reader.push(bytes.slice(at, at + size)));
            at += size;
          }
          replies.push(...reader.flush());
          expect(replies.reduce((n, r) => n + r.bytes.length, 0)).toBe(bytes.length);
        },
      ),
    );
  });
});
