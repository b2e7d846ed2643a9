import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_CODE_ALPHABET, CARD_CODE_LENGTH, cardCode, maskCardCode, newCardCode, parseCardCode } from './card-code';

const bytes = (...values: number[]) => Uint8Array.from({ length: 12 }, (_, i) => values[i] ?? 0);
const randomCode = fc.uint8Array({ minLength: 12, maxLength: 12 }).map(newCardCode);
const plain = (code: string) => code.replace(/-/g, '');

describe('card codes', () => {
  it('are 20 characters in five groups of four, from an alphabet without 0, O, 1 or I', () => {
    const code = newCardCode(bytes(0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8));
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}$/);
    expect(CARD_CODE_ALPHABET).toHaveLength(32);
    expect(CARD_CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(plain(code)).toHaveLength(CARD_CODE_LENGTH);
    expect(parseCardCode(code)).toEqual({ ok: true, code });
  });

  it('carry 95 bits of the random bytes: each bit of them changes the code', () => {
    const base = newCardCode(bytes());
    const seen = new Set([base]);
    const withBit = (bit: number) => {
      const b = bytes();
      b[11 - Math.floor(bit / 8)] = 1 << (bit % 8);
      return newCardCode(b);
    };
    for (let bit = 0; bit < 95; bit += 1) seen.add(withBit(bit));
    expect(seen.size).toBe(96);
    // The 96th bit is the one left out.
    expect(withBit(95)).toBe(base);
    expect(() => newCardCode(new Uint8Array(11))).toThrow(RangeError);
  });

  it('parse as typed: lower case, spaces and dashes anywhere', () => {
    const code = newCardCode(bytes(9, 8, 7, 6, 5, 4, 3, 2, 1));
    expect(
      parseCardCode(
        ` ${plain(code)
          .toLowerCase()
          .replace(/(.{5})/g, '$1 ')} `,
      ),
    ).toEqual({ ok: true, code });
    expect(cardCode(plain(code))).toBe(code);
  });

  it('refuse a wrong length, a character outside the alphabet, an input too long to read', () => {
    expect(parseCardCode('ABCD-EFGH')).toEqual({ ok: false, code: 'card_code_length' });
    expect(parseCardCode('0BCD-EFGH-JKLM-NPQR-STUV')).toEqual({ ok: false, code: 'card_code_character' });
    expect(parseCardCode(' '.repeat(1000))).toEqual({ ok: false, code: 'card_code_length' });
    expect(() => cardCode('nope')).toThrow('card_code_length');
  });

  it('catch any single typo', () => {
    fc.assert(
      fc.property(randomCode, fc.nat(CARD_CODE_LENGTH - 1), fc.integer({ min: 1, max: 31 }), (code, position, shift) => {
        const chars = [...plain(code)];
        chars[position] = CARD_CODE_ALPHABET[(CARD_CODE_ALPHABET.indexOf(chars[position]!) + shift) % 32]!;
        expect(parseCardCode(chars.join(''))).toEqual({ ok: false, code: 'card_code_check' });
      }),
      { numRuns: 300 },
    );
  });

  it('catch two different characters swapped, side by side or not', () => {
    fc.assert(
      fc.property(randomCode, fc.nat(CARD_CODE_LENGTH - 1), fc.nat(CARD_CODE_LENGTH - 1), (code, i, j) => {
        const chars = [...plain(code)];
        fc.pre(chars[i] !== chars[j]);
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
        expect(parseCardCode(chars.join(''))).toEqual({ ok: false, code: 'card_code_check' });
      }),
      { numRuns: 300 },
    );
  });

  it('are shown masked but for their last group', () => {
    expect(maskCardCode('7KQ2-M9XD-4HTR-PZ3W-8NCA')).toBe('••••-••••-••••-••••-8NCA');
  });
});
