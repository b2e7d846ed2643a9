import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Mettler8217FrameReader, type Mettler8217FrameEvent } from './frame-reader';

const bytes = (...parts: (string | number)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))));
const frames = (events: Mettler8217FrameEvent[]) => events.flatMap((e) => (e.kind === 'frame' ? [String.fromCharCode(...e.frame)] : []));

describe('8217 frame reader', () => {
  it('finds frames whatever the chunking', () => {
    const reader = new Mettler8217FrameReader();
    const stream = bytes(0x02, '01.250', 0x0d, 0x02, '?', 0x61, 0x0d);
    const events = [...stream].flatMap((b) => reader.push(Uint8Array.of(b)));
    expect(frames(events)).toEqual(['\u000201.250\r', '\u0002?a\r']);
  });

  it('takes the byte after "STX ?" as the status, even when it is STX or CR', () => {
    const reader = new Mettler8217FrameReader();
    expect(frames(reader.push(bytes(0x02, '?', 0x02, 0x0d)))).toEqual(['\u0002?\u0002\r']);
    expect(frames(reader.push(bytes(0x02, '?', 0x0d, 0x0d)))).toEqual(['\u0002?\r\r']);
  });

  it('reports noise and a frame cut short, then re-synchronises on the next STX', () => {
    const reader = new Mettler8217FrameReader();
    const events = reader.push(bytes('xx', 0x02, '01.2', 0x02, '01.250', 0x0d, 0x0d, 0x0a));
    expect(events.map((e) => e.kind)).toEqual(['noise', 'broken', 'frame']);
    expect(events[0]).toEqual({ kind: 'noise', count: 2 });
    expect(frames(events)).toEqual(['\u000201.250\r']);
  });

  it('gives up on a frame that never ends, and reset() forgets a half frame', () => {
    const reader = new Mettler8217FrameReader();
    expect(reader.push(bytes(0x02, '0'.repeat(20))).map((e) => e.kind)).toEqual(['broken', 'noise']);
    reader.push(bytes(0x02, '01'));
    expect(reader.inFrame).toBe(true);
    reader.reset();
    expect(frames(reader.push(bytes('.250', 0x0d, 0x02, '02.000', 0x0d)))).toEqual(['\u000202.000\r']);
  });

  it('never throws, and every frame it gives starts with STX and ends with CR', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 30 }), { maxLength: 10 }), (chunks) => {
        const reader = new Mettler8217FrameReader();
        for (const chunk of chunks) {
          for (const event of reader.push(chunk)) {
            if (event.kind !== 'frame') continue;
            expect(event.frame[0]).toBe(0x02);
            expect(event.frame[event.frame.length - 1]).toBe(0x0d);
            expect(event.frame.length).toBeLessThanOrEqual(16);
          }
        }
      }),
    );
  });
});
