import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCd5220Brightness, encodeCd5220Clear, encodeCd5220Init, encodeCd5220Lines } from './cd5220';

const text = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Any code points, lone surrogates included (faster to generate than fc.string's binary unit). */
const anyText = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength }).map((codes) => String.fromCodePoint(...codes));

describe('CD5220 encoder', () => {
  it('writes both rows whole with ESC Q A / ESC Q B … CR', () => {
    const bytes = encodeCd5220Lines('Pain', 'TOTAL      1,20 EUR');
    expect([...bytes.subarray(0, 3)]).toEqual([0x1b, 0x51, 0x41]);
    expect(text(bytes, 3, 23)).toBe('Pain                ');
    expect([...bytes.subarray(23, 27)]).toEqual([0x0d, 0x1b, 0x51, 0x42]);
    expect(text(bytes, 27, 47)).toBe('TOTAL      1,20 EUR ');
    expect(bytes[47]).toBe(0x0d);
    expect(bytes).toHaveLength(48);
  });

  it('cuts past 20 columns and never lets a control byte through', () => {
    const bytes = encodeCd5220Lines('A\rB\u001bC\u00e9', '123456789012345678901234');
    expect(text(bytes, 3, 23)).toBe('A?B?C?              ');
    expect(text(bytes, 27, 47)).toBe('12345678901234567890');
  });

  it('initialises, clears and dims', () => {
    expect([...encodeCd5220Init()]).toEqual([0x0c, 0x1b, 0x40, 0x1b, 0x11, 0x1b, 0x5f, 0x00]);
    expect([...encodeCd5220Init({ brightness: 2 })].slice(-3)).toEqual([0x1b, 0x2a, 0x02]);
    expect([...encodeCd5220Clear()]).toEqual([0x0c]);
    expect([...encodeCd5220Brightness(4)]).toEqual([0x1b, 0x2a, 0x04]);
  });

  it('always gives 48 bytes with exactly two CRs, whatever the text', () => {
    fc.assert(
      fc.property(anyText(40), anyText(40), (upper, lower) => {
        const bytes = encodeCd5220Lines(upper, lower);
        const rows = [...bytes.subarray(3, 23), ...bytes.subarray(27, 47)];
        return bytes.length === 48 && bytes.filter((b) => b === 0x0d).length === 2 && rows.every((b) => b >= 0x20 && b <= 0x7e);
      }),
    );
  });
});
