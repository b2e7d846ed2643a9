import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACK, ENQ, EOT, NAK, encodeFrame } from './frame';
import { FrameReader, MAX_FRAME_DATA, type LineEvent } from './frame-reader';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const frame = (text: string) => {
  const encoded = encodeFrame(ascii(text));
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.bytes;
};
const kinds = (events: LineEvent[]) => events.map((e) => (e.kind === 'control' ? e.name : e.kind));

describe('Concert frame reader (byte stream → events)', () => {
  it('reads control bytes, frames and noise, in order', () => {
    const reader = new FrameReader();
    const events = reader.push(Uint8Array.of(ENQ, ...frame('ABC'), ACK, 0x41, NAK, EOT));
    expect(kinds(events)).toEqual(['ENQ', 'frame', 'ACK', 'noise', 'NAK', 'EOT']);
    expect(events[1]).toEqual({ kind: 'frame', data: ascii('ABC') });
  });

  it('an LRC that happens to equal a control byte is still the LRC', () => {
    // 0x20 ^ 0x26 ^ ETX = 0x05: this frame's LRC is the ENQ byte.
    const data = Uint8Array.of(0x20, 0x26);
    const encoded = encodeFrame(data);
    expect(encoded.ok && encoded.bytes.at(-1)).toBe(ENQ);
    const events = new FrameReader().push(encoded.ok ? encoded.bytes : new Uint8Array());
    expect(events).toEqual([{ kind: 'frame', data }]);
  });

  it('a damaged frame is one bad-frame event, read up to its LRC', () => {
    const bytes = frame('HELLO');
    bytes[3] = 0x04;
    const events = new FrameReader().push(Uint8Array.of(...bytes, ACK));
    expect(kinds(events)).toEqual(['bad-frame', 'ACK']);
  });

  it('reports a frame cut short when the caller abandons it, and one too long', () => {
    const reader = new FrameReader();
    expect(reader.push(frame('HELLO').slice(0, 4))).toEqual([]);
    expect(reader.inFrame).toBe(true);
    expect(reader.abandon()).toMatchObject({ kind: 'bad-frame', error: { reason: 'truncated' } });
    expect(reader.inFrame).toBe(false);
    expect(reader.abandon()).toBeNull();
    const long = new Uint8Array(MAX_FRAME_DATA + 2).fill(0x41);
    long[0] = 0x02;
    expect(kinds(reader.push(long))).toEqual(['bad-frame']);
  });

  it('fuzz: any chunking of a session gives the same events', () => {
    const stream = Uint8Array.of(ENQ, ...frame('0100001234'), EOT, ACK, ...frame('XYZ'), NAK);
    const whole = new FrameReader().push(stream);
    fc.assert(
      fc.property(fc.array(fc.nat(stream.length), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const reader = new FrameReader();
        const events: LineEvent[] = [];
        let from = 0;
        for (const point of [...points, stream.length]) {
          events.push(...reader.push(stream.slice(from, point)));
          from = point;
        }
        expect(events).toEqual(whole);
      }),
    );
  });

  it('fuzz: random and truncated input never throws, and a frame after a finished one is always read', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (noise) => {
        const reader = new FrameReader();
        const known = reader.push(noise).every((event) => ['control', 'frame', 'bad-frame', 'noise'].includes(event.kind));
        reader.abandon();
        const after = reader.push(frame('OK'));
        return known && after.length === 1 && after[0]!.kind === 'frame';
      }),
      { numRuns: 1000 },
    );
  });
});
