import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAsbFirstByte, isDleEotReplyByte, parseAsb, parseDleEotReply, type DleEotRequest } from './esc-pos-status';

const sensors = (n: DleEotRequest, byte: number) => {
  const parsed = parseDleEotReply(n, byte);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.sensors;
};

describe('DLE EOT replies', () => {
  it('n = 1: all fine is 0x12; bit 2 drawer pin 3 high, bit 3 offline, bit 5 waiting for recovery, bit 6 feed button', () => {
    expect(sensors(1, 0x12)).toEqual({
      drawerSignalHigh: false,
      offline: false,
      waitingForOnlineRecovery: false,
      feedButtonPressed: false,
    });
    expect(sensors(1, 0x1a)).toMatchObject({ offline: true, drawerSignalHigh: false });
    expect(sensors(1, 0x16)).toMatchObject({ drawerSignalHigh: true, offline: false });
    expect(sensors(1, 0x72)).toMatchObject({ waitingForOnlineRecovery: true, feedButtonPressed: true });
  });

  it('n = 2: bit 2 cover open, bit 5 stopped at paper end, bit 6 error', () => {
    expect(sensors(2, 0x12)).toEqual({ coverOpen: false, paperEnd: false, error: false });
    expect(sensors(2, 0x16)).toEqual({ coverOpen: true, paperEnd: false, error: false });
    expect(sensors(2, 0x32)).toEqual({ coverOpen: false, paperEnd: true, error: false });
    expect(sensors(2, 0x52)).toEqual({ coverOpen: false, paperEnd: false, error: true });
  });

  it('n = 3: any of the mechanical, autocutter, unrecoverable or auto-recoverable error bits is an error', () => {
    expect(sensors(3, 0x12)).toEqual({ error: false });
    for (const b of [0x04, 0x08, 0x20, 0x40]) expect(sensors(3, 0x12 | b)).toEqual({ error: true });
  });

  it('n = 4: bits 2–3 near end, bits 5–6 paper end (either bit of a pair counts)', () => {
    expect(sensors(4, 0x12)).toEqual({ paperNearEnd: false, paperEnd: false });
    expect(sensors(4, 0x1e)).toEqual({ paperNearEnd: true, paperEnd: false });
    expect(sensors(4, 0x7e)).toEqual({ paperNearEnd: true, paperEnd: true });
    expect(sensors(4, 0x32)).toEqual({ paperNearEnd: false, paperEnd: true });
  });

  it('refuses a byte without the 0xx1xx10 pattern, naming it', () => {
    expect(parseDleEotReply(1, 0x10)).toEqual({ ok: false, error: '0x10 is not a DLE EOT reply (bits 0xx1xx10 expected).' });
    expect(parseDleEotReply(1, 0x92).ok).toBe(false);
    expect(parseDleEotReply(1, 0x02).ok).toBe(false);
    expect(parseDleEotReply(1, 256).ok).toBe(false);
    expect(parseDleEotReply(7 as DleEotRequest, 0x12).ok).toBe(false);
  });
});

describe('automatic status back (4 bytes)', () => {
  it('reads byte 1 (drawer, offline, cover), byte 2 (errors) and byte 3 (paper)', () => {
    const ok = parseAsb([0x10, 0x00, 0x00, 0x00]);
    expect(ok).toEqual({
      ok: true,
      sensors: {
        drawerSignalHigh: false,
        offline: false,
        coverOpen: false,
        waitingForOnlineRecovery: false,
        feedButtonPressed: false,
        error: false,
        paperNearEnd: false,
        paperEnd: false,
      },
    });
    expect(parseAsb([0x3c, 0x00, 0x00, 0x00])).toMatchObject({ sensors: { drawerSignalHigh: true, offline: true, coverOpen: true } });
    expect(parseAsb([0x18, 0x08, 0x0f, 0x00])).toMatchObject({
      sensors: { offline: true, error: true, paperNearEnd: true, paperEnd: true },
    });
    expect(parseAsb([0x10, 0x00, 0x03, 0x00])).toMatchObject({ sensors: { paperNearEnd: true, paperEnd: false } });
  });

  it('refuses a wrong length, a first byte without 0xx1xx00 and later bytes with bit 4 or 7 set', () => {
    expect(parseAsb([0x10, 0x00, 0x00])).toEqual({ ok: false, error: 'An ESC/POS automatic status is 4 bytes, not 3.' });
    expect(parseAsb([0x12, 0x00, 0x00, 0x00]).ok).toBe(false);
    expect(parseAsb([0x10, 0x00, 0x10, 0x00])).toEqual({ ok: false, error: 'Byte 3 of the automatic status, 0x10, has bit 4 or 7 set.' });
    expect(parseAsb([0x10, 0x80, 0x00, 0x00]).ok).toBe(false);
  });

  it('an ASB first byte is never a DLE EOT reply, and neither is 0x37 (a response header)', () => {
    for (let b = 0; b < 256; b++) expect(isAsbFirstByte(b) && isDleEotReplyByte(b)).toBe(false);
    expect(isAsbFirstByte(0x37) || isDleEotReplyByte(0x37)).toBe(false);
  });
});

describe('status parsers, fuzzed', () => {
  it('never throw on any byte or any n, and answer either sensors or an error text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10 }), fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer(), fc.double()), (n, byte) => {
        const parsed = parseDleEotReply(n as DleEotRequest, byte);
        expect(parsed.ok ? typeof parsed.sensors : typeof parsed.error).toBe(parsed.ok ? 'object' : 'string');
      }),
    );
  });

  it('parse every well-formed DLE EOT byte for n = 1..4', () => {
    fc.assert(
      fc.property(fc.constantFrom<DleEotRequest>(1, 2, 3, 4), fc.integer({ min: 0, max: 255 }), (n, raw) => {
        expect(parseDleEotReply(n, (raw & ~0x93) | 0x12).ok).toBe(true);
      }),
    );
  });

  it('ASB: random and truncated input never throws; well-formed input always parses', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 300 }), { maxLength: 8 }), (bytes) => {
        const parsed = parseAsb(bytes);
        if (!parsed.ok) expect(parsed.error).toMatch(/\S/);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), ([a, b, c, d]) => {
        expect(parseAsb([(a! & ~0x93) | 0x10, b! & ~0x90, c! & ~0x90, d! & ~0x90]).ok).toBe(true);
      }),
    );
  });
});
