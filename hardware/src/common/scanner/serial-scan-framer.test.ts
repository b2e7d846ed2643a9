import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SerialScanFramer, type ScanSuffix } from './serial-scan-framer';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const framer = (suffix: ScanSuffix, aimPrefix = false, maxFrameBytes = 4096) => new SerialScanFramer({ suffix, aimPrefix, maxFrameBytes });
const SUFFIX: Record<ScanSuffix, string> = { CR: '\r', LF: '\n', CRLF: '\r\n' };

describe('SerialScanFramer', () => {
  it.each(['CR', 'LF', 'CRLF'] as const)('cuts codes at the %s suffix, across chunk boundaries', (suffix) => {
    const f = framer(suffix);
    const end = SUFFIX[suffix];
    expect(f.push(bytes(`3760000000017${end}ABC`))).toEqual([{ ok: true, code: '3760000000017' }]);
    expect(f.pendingBytes).toBe(3);
    expect(f.push(bytes(`-42${end}`))).toEqual([{ ok: true, code: 'ABC-42' }]);
  });

  it('forgives the usual near-misses: LF after CR in CR mode, CR before LF in LF mode, bare suffixes', () => {
    expect(framer('CR').push(bytes('A1\r\nB2\r\n'))).toEqual([
      { ok: true, code: 'A1' },
      { ok: true, code: 'B2' },
    ]);
    expect(framer('LF').push(bytes('A1\r\n\n'))).toEqual([{ ok: true, code: 'A1' }]);
  });

  it('splits off an AIM prefix when told to, and keeps GS separators of GS1 data', () => {
    const f = framer('CR', true);
    expect(f.push(bytes(']E03760000000017\r]C1010950110153000310ABC\u001d21X\rNOAIM\r'))).toEqual([
      { ok: true, code: '3760000000017', aim: ']E0', symbology: 'ean-13' },
      { ok: true, code: '010950110153000310ABC\u001d21X', aim: ']C1', symbology: 'gs1-128' },
      { ok: true, code: 'NOAIM' },
    ]);
  });

  it('reports a garbled frame (non-printable bytes) with the likely fix, then reads the next code', () => {
    const f = framer('CR');
    const frames = f.push(Uint8Array.of(0x41, 0x01, 0xff, 0x0d, ...bytes('OK\r')));
    expect(frames[0]).toMatchObject({ ok: false, reason: 'non-printable', message: expect.stringContaining('baud rate') });
    expect(frames[1]).toEqual({ ok: true, code: 'OK' });
  });

  it('gives up on a frame with no suffix after the limit, once, and resynchronises at the next suffix', () => {
    const f = framer('CR', false, 16);
    const frames = f.push(bytes(`${'9'.repeat(40)}\rGOOD\r`));
    expect(frames).toEqual([
      { ok: false, reason: 'oversized', message: expect.stringContaining('more than 16 bytes without a CR suffix') },
      { ok: true, code: 'GOOD' },
    ]);
  });

  it('returns the same codes however the stream is chunked (property)', () => {
    const code = fc.stringMatching(/^[ -~]{1,40}$/);
    fc.assert(
      fc.property(
        fc.constantFrom<ScanSuffix>('CR', 'LF', 'CRLF'),
        fc.array(code, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (suffix, codes, cuts) => {
          const stream = bytes(codes.map((c) => c + SUFFIX[suffix]).join(''));
          const points = [...new Set(cuts.map((c) => c % stream.length))].sort((a, b) => a - b);
          const f = framer(suffix);
          const frames = [0, ...points].flatMap((start, i) => f.push(stream.slice(start, points[i] ?? stream.length)));
          expect(frames).toEqual(codes.map((c) => ({ ok: true, code: c })));
        },
      ),
    );
  });

  it('never throws on random bytes, and every refusal says why (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ScanSuffix>('CR', 'LF', 'CRLF'),
        fc.boolean(),
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 10 }),
        (suffix, aim, chunks) => {
          const f = framer(suffix, aim, 32);
          for (const chunk of chunks) {
            for (const frame of f.push(chunk)) {
              if (frame.ok) expect(frame.code.length).toBeGreaterThan(0);
              else expect(frame.message.length).toBeGreaterThan(20);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
