import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEscPosReplyReader, type EscPosReply } from './esc-pos-reply-reader';

const ASB_PAPER_END = [0x18, 0x00, 0x0f, 0x00];
const PROCESS_ID_0042 = [0x37, 0x22, 0x30, 0x30, 0x34, 0x32, 0x00];
const GS_I_BLOCK = [0x5f, 0x54, 0x4d, 0x2d, 0x54, 0x38, 0x38, 0x00];

/** Feeds `bytes` cut at the given sizes (cycled), then flushes. */
function readAll(bytes: readonly number[], sizes: readonly number[] = [bytes.length || 1]): EscPosReply[] {
  const reader = createEscPosReplyReader();
  const replies: EscPosReply[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    replies.push(...reader.push(bytes.slice(at, at + size)));
    at += size;
  }
  return [...replies, ...reader.flush()];
}

const byteCount = (reply: EscPosReply): number => {
  switch (reply.kind) {
    case 'status-byte':
    case 'flow-control':
      return 1;
    case 'process-id':
      return 7;
    default:
      return reply.bytes.length;
  }
};

const withoutJunk = (replies: readonly EscPosReply[]) => replies.filter((r) => r.kind !== 'junk');

describe('ESC/POS reply reader', () => {
  const stream = [0x12, ...ASB_PAPER_END, 0x1a, ...PROCESS_ID_0042, ...GS_I_BLOCK, 0x11, 0x7e];

  it('tells apart DLE EOT replies, an ASB block, a process ID response, other blocks and XON', () => {
    expect(readAll(stream)).toEqual([
      { kind: 'status-byte', byte: 0x12 },
      { kind: 'asb', bytes: ASB_PAPER_END, sensors: expect.objectContaining({ offline: true, paperEnd: true, paperNearEnd: true }) },
      { kind: 'status-byte', byte: 0x1a },
      { kind: 'process-id', id: '0042' },
      { kind: 'block', bytes: GS_I_BLOCK },
      { kind: 'flow-control', byte: 0x11 },
      { kind: 'status-byte', byte: 0x7e },
    ]);
  });

  it('gives the same replies whatever the stream is cut into, down to single bytes', () => {
    const whole = readAll(stream);
    for (let size = 1; size < stream.length; size++) expect(readAll(stream, [size])).toEqual(whole);
  });

  it('holds an incomplete reply back until its last byte arrives', () => {
    const reader = createEscPosReplyReader();
    expect(reader.push(PROCESS_ID_0042.slice(0, 5))).toEqual([]);
    expect(reader.pending).toBe(5);
    expect(reader.push(PROCESS_ID_0042.slice(5))).toEqual([{ kind: 'process-id', id: '0042' }]);
    expect(reader.pending).toBe(0);
  });

  it('skips junk with a note and reads on: noise, an ASB cut by a foreign byte, a broken process ID', () => {
    const replies = readAll([0x00, 0xff, 0x12, 0x10, 0x00, 0x90, 0x12, 0x37, 0x22, 0x30, 0x01, 0x12]);
    expect(replies.map((r) => r.kind)).toEqual(['junk', 'status-byte', 'junk', 'status-byte', 'junk', 'status-byte']);
    expect(replies[0]).toEqual({ kind: 'junk', bytes: [0x00, 0xff], note: 'Skipped 2 byte(s) that start no printer reply.' });
    expect(replies[2]).toMatchObject({ bytes: [0x10, 0x00, 0x90] });
    expect(replies[4]).toMatchObject({ bytes: [0x37, 0x22, 0x30, 0x01] });
  });

  it('reports a reply cut short by the end of the stream', () => {
    expect(readAll([0x10, 0x00])).toEqual([{ kind: 'junk', bytes: [0x10, 0x00], note: 'The stream ended inside a reply (2 byte(s)).' }]);
  });

  it('does not wait forever for the NUL of a block', () => {
    const replies = readAll([0x5f, ...Array.from({ length: 100 }, () => 0x41), 0x12]);
    expect(replies.at(-1)).toEqual({ kind: 'status-byte', byte: 0x12 });
  });
});

describe('ESC/POS reply reader, fuzzed', () => {
  const piece = fc.oneof(
    fc.constant(ASB_PAPER_END),
    fc.constant(PROCESS_ID_0042),
    fc.constant(GS_I_BLOCK),
    fc.integer({ min: 0, max: 255 }).map((b) => [(b & ~0x93) | 0x12]),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 5 }),
  );

  it('never throws, and accounts for every byte', () => {
    fc.assert(
      fc.property(fc.array(piece), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), (pieces, sizes) => {
        const bytes = pieces.flat();
        expect(readAll(bytes, sizes).reduce((n, r) => n + byteCount(r), 0)).toBe(bytes.length);
      }),
    );
  });

  it('finds the same replies whatever the chunking (junk may be grouped differently)', () => {
    fc.assert(
      fc.property(fc.array(piece), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), (pieces, sizes) => {
        const bytes = pieces.flat();
        expect(withoutJunk(readAll(bytes, sizes))).toEqual(withoutJunk(readAll(bytes)));
      }),
    );
  });

  it('finds every well-formed reply between random noise of other kinds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(ASB_PAPER_END, PROCESS_ID_0042, [0x12])), (pieces) => {
        expect(readAll(pieces.flat()).map((r) => r.kind)).toEqual(
          pieces.map((p) => (p.length === 4 ? 'asb' : p.length === 7 ? 'process-id' : 'status-byte')),
        );
      }),
    );
  });

  it('takes input that is not bytes without throwing', () => {
    const reader = createEscPosReplyReader();
    expect(() => reader.push([300, -1, Number.NaN] as number[])).not.toThrow();
    expect(() => reader.push(undefined as unknown as number[])).not.toThrow();
  });
});
