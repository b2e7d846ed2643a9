import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETX, STX, encodeFrame, lrc, parseFrame } from './frame';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const printable = fc.uint8Array({ minLength: 0, maxLength: 120 }).map((bytes) => bytes.map((b) => 0x20 + (b % 0x60)));
const framed = (data: Uint8Array) => {
  const encoded = encodeFrame(data);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.bytes;
};

describe('Concert framing and LRC', () => {
  it('LRC is the XOR of the data and ETX, not STX', () => {
    expect(lrc(ascii('AB'))).toBe(0x41 ^ 0x42 ^ ETX);
    expect(lrc(new Uint8Array())).toBe(ETX);
    expect([...framed(ascii('01'))]).toEqual([STX, 0x30, 0x31, ETX, 0x30 ^ 0x31 ^ ETX]);
  });

  it('refuses to frame bytes a 7E1 line cannot carry', () => {
    expect(encodeFrame(Uint8Array.of(0x41, 0x03))).toMatchObject({ ok: false, message: expect.stringContaining('0x03') });
    expect(encodeFrame(Uint8Array.of(0x80))).toMatchObject({ ok: false });
  });

  it('names each framing fault', () => {
    const good = framed(ascii('HELLO'));
    expect(parseFrame(good)).toEqual({ ok: true, data: ascii('HELLO') });
    expect(parseFrame(new Uint8Array())).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseFrame(good.slice(1))).toMatchObject({ ok: false, reason: 'missing-stx' });
    expect(parseFrame(good.slice(0, 4))).toMatchObject({ ok: false, reason: 'missing-etx', message: expect.stringContaining('no ETX') });
    expect(parseFrame(good.slice(0, -1))).toMatchObject({
      ok: false,
      reason: 'truncated',
      message: expect.stringContaining('LRC is missing'),
    });
    const badLrc = Uint8Array.from(good);
    badLrc[badLrc.length - 1] = badLrc[badLrc.length - 1]! ^ 0x01;
    expect(parseFrame(badLrc)).toMatchObject({ ok: false, reason: 'bad-lrc', message: expect.stringContaining('Bad LRC') });
    expect(parseFrame(Uint8Array.of(...good, 0x41))).toMatchObject({ ok: false, reason: 'trailing-bytes' });
    expect(parseFrame(Uint8Array.of(STX, 0x41, 0x05, 0x42, ETX, 0))).toMatchObject({ ok: false, reason: 'bad-byte' });
  });

  it('fuzz: random bytes never throw and never pass unless they are a well-formed frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const parsed = parseFrame(bytes);
        if (parsed.ok) expect([...framed(parsed.data)]).toEqual([...bytes]);
        else expect(parsed.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('fuzz: every frame round-trips; every truncation and every single-bit flip is refused', () => {
    fc.assert(
      fc.property(printable, fc.nat(), fc.nat(7), (data, at, bit) => {
        const bytes = framed(data);
        expect(parseFrame(bytes)).toEqual({ ok: true, data });
        const cut = at % bytes.length;
        expect(parseFrame(bytes.slice(0, cut)).ok).toBe(false);
        const flipped = Uint8Array.from(bytes);
        flipped[cut] = flipped[cut]! ^ (1 << bit);
        expect(parseFrame(flipped).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
