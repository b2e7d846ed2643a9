import fc from 'fast-check';
import { encodeReceipt, ESC_POS_58, ESC_POS_80, ESC_POS_80_48, type PrinterProfile } from '@pos/hardware/common';
import { receiptText } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { sampleReceipt } from '../../hardware/src/common/test-support/sample-receipt';
import { decodeText, tokenizeEscPos, type EscPosToken } from './escpos-tokenizer';

const bytes = (...values: number[]) => Uint8Array.from(values);
const names = (tokens: readonly EscPosToken[]) => tokens.map((t) => (t.kind === 'command' ? t.name : t.kind));
const joined = (tokens: readonly EscPosToken[]) => Buffer.concat(tokens.map((t) => t.bytes));

const ESC_POS_PROFILES: readonly PrinterProfile[] = [ESC_POS_80, ESC_POS_80_48, ESC_POS_58];

describe('our ESC/POS receipts, read back', () => {
  for (const profile of ESC_POS_PROFILES) {
    for (const duplicate of [undefined, 3]) {
      const receipt = sampleReceipt(profile.columns, duplicate);
      const encoded = encodeReceipt(receipt, profile);

      it(`${profile.id}${duplicate ? ' duplicate' : ''}: every command is well-formed`, () => {
        const { tokens, problems } = tokenizeEscPos(encoded);
        expect(problems).toEqual([]);
        expect(names(tokens).slice(0, 3)).toEqual(['ESC @', 'FS .', 'ESC M']);
        expect(names(tokens).at(-1)).toBe('GS V');
        expect(names(tokens)).toContain('GS ( k');
      });

      it(`${profile.id}${duplicate ? ' duplicate' : ''}: prints every line of the receipt, accents and euro included`, () => {
        const printed = decodeText(encoded).split('\n');
        const rule = '─'.repeat(profile.columns);
        const expected = receiptText(receipt)
          .split('\n')
          .map((line) => (line === '-'.repeat(receipt.width) ? rule : line))
          // The QR code is an image, not text; what the printer prints there is an empty line feed.
          .map((line) => (line.startsWith('[QR ') ? '' : line));
        expect(printed.slice(0, expected.length)).toEqual(expected);
        // Then the paper is fed past the cutter and cut.
        expect(printed.slice(expected.length)).toEqual(['', '', '', '', '']);
      });
    }
  }

  it('selects CP858 and prints € as 0xD5', () => {
    const encoded = encodeReceipt(sampleReceipt(42), ESC_POS_80);
    const text = decodeText(encoded);
    expect(text).toContain('TOTAL TTC     12,15 €');
    expect(text).toContain('Épicerie du Marché');
    expect(text).toContain('Échange sous 30 jours');
  });
});

describe('tokenizeEscPos', () => {
  it('names commands and text runs', () => {
    const { tokens, problems } = tokenizeEscPos(
      bytes(0x1b, 0x40, 0x1b, 0x74, 19, 0x41, 0x42, 0x0a, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11, 0x1b, 0x61, 1, 0x1b, 0x64, 3, 0x1d, 0x56, 0x42, 0x03, 0x1d, 0x56, 0x01),
    );
    expect(problems).toEqual([]);
    expect(names(tokens)).toEqual(['ESC @', 'ESC t', 'text', 'LF', 'ESC E', 'GS !', 'ESC a', 'ESC d', 'GS V', 'GS V']);
  });

  it('reads a QR code (GS ( k) and a raster image (GS v 0) by their length fields', () => {
    const qr = bytes(0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50, 0x30, 0x61, 0x62, 0x63);
    const image = bytes(0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x0a, 0x1b);
    const { tokens, problems } = tokenizeEscPos(bytes(...qr, ...image, 0x41));
    expect(problems).toEqual([]);
    expect(names(tokens)).toEqual(['GS ( k', 'GS v 0', 'text']);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['an unknown ESC command', bytes(0x1b, 0x01, 0x41), /unknown command ESC 0x01 at 0/],
    ['an unknown GS command', bytes(0x41, 0x1d, 0x99), /unknown command GS 0x99 at 1/],
    ['ESC at the very end', bytes(0x41, 0x1b), /ESC at 1 is cut off/],
    ['ESC E without its parameter', bytes(0x1b, 0x45), /ESC E at 0 is cut off/],
    ['a QR code shorter than its length field', bytes(0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31, 0x50, 0x30), /GS \( at 0 is cut off/],
    ['a QR module size out of range', bytes(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x20), /QR module size 32/],
    ['a QR function with the wrong length', bytes(0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x51, 0x30, 0x00), /QR code function 0x51 with 4 parameter bytes/],
    ['a character size beyond 8×8', bytes(0x1d, 0x21, 0x88), /character size 0x88/],
    ['an unknown cut', bytes(0x1d, 0x56, 0x07), /cut mode 7/],
    ['a justification out of range', bytes(0x1b, 0x61, 0x05), /parameter 5 is not one of/],
    ['a stray control byte', bytes(0x41, 0x07, 0x42), /unexpected control byte 0x07 at 1/],
    ['a raster image cut short', bytes(0x1d, 0x76, 0x30, 0x00, 0x10, 0x00, 0x10, 0x00, 0x00), /GS v 0 at 0 is cut off/],
  ])('reports %s', (_what, input, message) => {
    const { problems } = tokenizeEscPos(input);
    expect(problems.map((p) => p.message).join('; ')).toMatch(message);
  });

  it('never throws, and its tokens are the input, byte for byte, in order', () => {
    // Biased towards command prefixes, so most inputs exercise command parsing rather than text.
    const byte = fc.oneof(fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x0a, 0x00, 0x28, 0x6b, 0x31), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), (values) => {
        const input = Uint8Array.from(values);
        const { tokens, problems } = tokenizeEscPos(input);
        expect(joined(tokens).equals(Buffer.from(input))).toBe(true);
        let offset = 0;
        for (const token of tokens) {
          expect(token.offset).toBe(offset);
          expect(token.bytes.length).toBeGreaterThan(0);
          offset += token.bytes.length;
        }
        expect(problems.length).toBe(tokens.filter((t) => t.kind === 'unknown').length);
        expect(() => decodeText(input)).not.toThrow();
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('decodeText', () => {
  it('decodes é è à ç ° € in CP858, CP437 and Windows-1252 as ESC t selected them', () => {
    expect(decodeText(bytes(0x1b, 0x74, 19, 0x82, 0x8a, 0x85, 0x87, 0xf8, 0xd5, 0x0a))).toBe('éèàç°€\n');
    expect(decodeText(bytes(0x1b, 0x74, 16, 0xe9, 0xe8, 0xe0, 0xe7, 0xb0, 0x80))).toBe('éèàç°€');
    // CP437 has no euro: 0xD5 is a box-drawing character there.
    expect(decodeText(bytes(0x82, 0x8a, 0x85, 0x87, 0xf8, 0xd5))).toBe('éèàç°╒');
  });

  it('goes back to CP437 after ESC @ and drops commands and CR', () => {
    expect(decodeText(bytes(0x1b, 0x74, 19, 0xd5, 0x1b, 0x40, 0xd5, 0x0d, 0x0a, 0x1b, 0x45, 0x01, 0x41))).toBe('€╒\nA');
  });

  it('shows bytes of a code page it does not know as U+FFFD', () => {
    expect(decodeText(bytes(0x1b, 0x74, 40, 0x41, 0xd5))).toBe('A\ufffd');
  });
});
