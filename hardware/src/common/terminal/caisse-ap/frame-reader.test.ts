import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaisseApFrameReader, type FrameReaderEvent } from './frame-reader';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const frames = (events: readonly FrameReaderEvent[]) => events.flatMap((event) => (event.kind === 'frame' ? [event.fields] : []));

const first = 'CZ0040300AE00210AC006184117';
const second = 'CZ0040300AE00201AF00204';

describe('Caisse-AP frame reader', () => {
  it('ends a message at the next CZ, at a quiet line, or at the end of the stream', () => {
    const reader = new CaisseApFrameReader();
    expect(frames(reader.push(ascii(first + second)))).toEqual([
      [
        { tag: 'CZ', value: '0300' },
        { tag: 'AE', value: '10' },
        { tag: 'AC', value: '184117' },
      ],
    ]);
    expect(reader.hasCompleteMessage('AE')).toBe(true);
    expect(reader.takeMessage()).toEqual([
      { tag: 'CZ', value: '0300' },
      { tag: 'AE', value: '01' },
      { tag: 'AF', value: '04' },
    ]);
    expect(reader.finish()).toEqual([]);
  });

  it('waits for a field split across chunks, skips CR/LF, and reports a truncated end', () => {
    const reader = new CaisseApFrameReader();
    expect(reader.push(ascii('CZ0040300AE0'))).toEqual([]);
    expect(reader.hasCompleteMessage('AE')).toBe(false);
    reader.push(ascii('0210\r\n'));
    expect(reader.hasCompleteMessage('AE')).toBe(true);
    reader.push(ascii('AC00'));
    expect(reader.finish()).toEqual([{ kind: 'error', error: expect.stringContaining('middle of a field') }]);
  });

  it('refuses a message not starting with CZ; keeps a repeated tag for the reply to judge', () => {
    expect(new CaisseApFrameReader().push(ascii('AE00210'))).toEqual([
      { kind: 'error', error: 'a message must start with CZ (protocol version), not AE' },
    ]);
    const reader = new CaisseApFrameReader();
    expect(reader.push(ascii('CZ0040300AE00210AE00201'))).toEqual([]);
    expect(reader.finish()).toEqual([
      {
        kind: 'frame',
        fields: [
          { tag: 'CZ', value: '0300' },
          { tag: 'AE', value: '10' },
          { tag: 'AE', value: '01' },
        ],
      },
    ]);
  });

  it('any chunking of a stream gives the same messages', () => {
    const stream = ascii(first + second);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 10 }), (cuts) => {
        const reader = new CaisseApFrameReader();
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
        const read = bounds.slice(1).flatMap((end, i) => frames(reader.push(stream.slice(bounds[i], end))));
        read.push(...frames(reader.finish()));
        expect(read.map((fields) => fields.map((field) => field.tag).join())).toEqual(['CZ,AE,AC', 'CZ,AE,AF']);
      }),
    );
  });

  it('fuzz: random and truncated input never throws and ends in frames or one clear error', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }), (chunks) => {
        const reader = new CaisseApFrameReader();
        const events = [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.finish()];
        expect(events.filter((event) => event.kind === 'error').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: first.length - 1 }), (cut) => {
        const reader = new CaisseApFrameReader();
        reader.push(ascii(first.slice(0, cut)));
        const end = reader.finish();
        expect(end.every((event) => event.kind === 'frame' || event.error.length > 0)).toBe(true);
      }),
    );
  });
});
