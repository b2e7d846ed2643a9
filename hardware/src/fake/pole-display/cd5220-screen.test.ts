import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCd5220Clear, encodeCd5220Init, encodeCd5220Lines } from '../../common/pole-display/cd5220';
import { Cd5220Screen } from './cd5220-screen';

const bytes = (...parts: (string | number)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))));
const BLANK = ' '.repeat(20);

describe('CD5220 emulator screen', () => {
  it('shows what the encoder sends, whatever the chunking', () => {
    const screen = new Cd5220Screen();
    const stream = Uint8Array.from([...encodeCd5220Init({ brightness: 2 }), ...encodeCd5220Lines('Pain', 'TOTAL      1,20 EUR')]);
    for (const byte of stream) screen.push(Uint8Array.of(byte));
    expect(screen.lines).toEqual(['Pain                ', 'TOTAL      1,20 EUR ']);
    expect(screen.brightness).toBe(2);
    expect(screen.cursorVisible).toBe(false);
    expect(screen.errors).toEqual([]);
    screen.push(encodeCd5220Clear());
    expect(screen.lines).toEqual([BLANK, BLANK]);
  });

  it('writes characters at the cursor in overwrite mode, and moves it with ESC l, BS, CR, LF', () => {
    const screen = new Cd5220Screen();
    screen.push(bytes('Hello', 0x1b, 0x6c, 5, 2, 'XY', 0x08, 'Z', 0x0d, 'A', 0x0b, 'j'));
    expect(screen.lines).toEqual(['jello               ', 'A   XZ              ']);
    screen.push(bytes(0x1b, 0x6c, 20, 2, '!?'));
    expect(screen.lines[1]!.endsWith('!')).toBe(true);
    expect(screen.lines[0]!.startsWith('?')).toBe(true); // wrapped from the end of the lower row to the top
    expect(screen.errors).toEqual([]);
  });

  it('scrolls up in vertical scroll mode', () => {
    const screen = new Cd5220Screen();
    screen.push(bytes(0x1b, 0x12, 'a'.repeat(20), 'b'.repeat(20), 'c'));
    expect(screen.lines).toEqual(['b'.repeat(20), 'c'.padEnd(20)]);
  });

  it('records unknown commands, bad parameters and commands ignored in string mode', () => {
    const screen = new Cd5220Screen();
    screen.push(bytes(0x1b, 0x7a, 0x1b, 0x2a, 9, 0x1b, 0x6c, 21, 1, 0x07));
    expect(screen.errors).toEqual([
      'unknown command ESC 0x7a',
      'ESC *: brightness 9 is not 1-4',
      'ESC l: position 21,1 is off the screen',
      'unknown control byte 0x07',
    ]);
    screen.push(bytes(0x1b, 0x51, 0x41, 'x'.repeat(22), 0x0d, 'late', 0x1b, 0x6c, 1, 1));
    expect(screen.lines[0]).toBe('x'.repeat(20));
    expect(screen.errors.slice(4)).toEqual([
      'ESC Q A: 22 characters, the row holds 20',
      'byte 0x6c ignored in string mode (send CLR or CAN first)',
      'byte 0x61 ignored in string mode (send CLR or CAN first)',
      'byte 0x74 ignored in string mode (send CLR or CAN first)',
      'byte 0x65 ignored in string mode (send CLR or CAN first)',
      'command ignored in string mode (send CLR or CAN first)',
    ]);
    screen.push(bytes(0x18, 'ok'));
    expect(screen.lines[0]).toBe('ok'.padEnd(20));
  });

  it('scrolls an ESC Q D message until the next command clears the upper row', () => {
    const screen = new Cd5220Screen();
    screen.push(bytes(0x1b, 0x51, 0x44, 'Promotion du jour : fromages', 0x0d));
    expect(screen.scrolling).toBe('Promotion du jour : fromages');
    screen.push(encodeCd5220Lines('A', 'B'));
    expect(screen.scrolling).toBeNull();
    expect(screen.lines).toEqual(['A'.padEnd(20), 'B'.padEnd(20)]);
  });

  it('never throws on random bytes, and always shows 2 rows of 20', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const screen = new Cd5220Screen();
        for (const chunk of chunks) screen.push(chunk);
        return screen.lines.length === 2 && screen.lines.every((l) => l.length === 20) && screen.errors.length <= 100;
      }),
      { numRuns: 1000 },
    );
  });
});
