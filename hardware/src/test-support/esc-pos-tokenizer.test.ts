import { receiptText } from '@pos/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../common/encode-receipt';
import type { PrinterProfile } from '../common/printer';
import { BUILT_IN_LOGO } from '../common/printer/monochrome-image';
import { buildDrawerKickJob, buildPrintJob } from '../common/printer/print-job';
import { ESC_POS_58, ESC_POS_80, ESC_POS_80_48, PRINTER_PROFILES } from '../common/printer-profiles';
import { sampleReceipt } from '../common/test-support/sample-receipt';
import { decodeText, tokenizeEscPos, type EscPosToken } from './esc-pos-tokenizer';
import { RECEIPT_GOLDEN, RECEIPT_GOLDEN_FILES } from './golden';

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

describe('every ESC/POS golden file and print job is well-formed', () => {
  for (const file of RECEIPT_GOLDEN_FILES.filter((f) => f.startsWith('esc-pos'))) {
    it(`golden/${file}`, () => {
      const input = RECEIPT_GOLDEN.read(file);
      const { tokens, problems } = tokenizeEscPos(input);
      expect(problems).toEqual([]);
      expect(tokens.reduce((n, t) => n + t.bytes.length, 0)).toBe(input.length);
    });
  }

  for (const profile of PRINTER_PROFILES.filter((p) => p.language === 'esc-pos')) {
    it(`${profile.id}: receipt, DUPLICATA, cash job with logo and process ID, drawer kick`, () => {
      const jobs = [
        buildPrintJob(sampleReceipt(profile.columns), profile).bytes,
        buildPrintJob(sampleReceipt(profile.columns, 3), profile, { processId: '9999' }).bytes,
        buildPrintJob(sampleReceipt(profile.columns), profile, { processId: '0001', openDrawer: true, logo: BUILT_IN_LOGO }).bytes,
        buildDrawerKickJob(profile)!,
      ];
      for (const job of jobs) expect(tokenizeEscPos(job).problems).toEqual([]);
    });
  }
});

describe('tokenizeEscPos', () => {
  it('names commands and text runs', () => {
    const { tokens, problems } = tokenizeEscPos(
      bytes(
        0x1b,
        0x40,
        0x1b,
        0x74,
        19,
        0x41,
        0x42,
        0x0a,
        0x1b,
        0x45,
        1,
        0x1d,
        0x21,
        0x11,
        0x1b,
        0x61,
        1,
        0x1b,
        0x64,
        3,
        0x1d,
        0x56,
        0x42,
        0x03,
        0x1d,
        0x56,
        0x01,
      ),
    );
    expect(problems).toEqual([]);
    expect(names(tokens)).toEqual(['ESC @', 'ESC t', 'text', 'LF', 'ESC E', 'GS !', 'ESC a', 'ESC d', 'GS V', 'GS V']);
  });

  it('walks commands with their exact parameter lengths, and text between them', () => {
    const input = bytes(
      ...[0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x4d, 0x00, 0x1b, 0x74, 19, 0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11],
      ...[0x41, 0x42, 0x0a, 0x1b, 0x21, 0x08, 0x1b, 0x64, 3, 0x1b, 0x70, 0, 50, 250, 0x1d, 0x61, 0x0f, 0x1d, 0x42, 1],
      ...[0x1d, 0x76, 0x30, 0x00, 1, 0, 2, 0, 0xff, 0x81, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
      ...[0x1d, 0x28, 0x4c, 2, 0, 0x30, 0x32, 0x1d, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31],
      ...[0x1d, 0x6b, 0x49, 3, 0x7b, 0x42, 0x41, 0x1d, 0x6b, 0x04, 0x41, 0x00, 0x10, 0x04, 1, 0x1d, 0x56, 0x41, 3, 0x1d, 0x56, 1],
    );
    const { tokens, problems } = tokenizeEscPos(input);
    expect(problems).toEqual([]);
    expect(names(tokens)).toEqual([
      ...['ESC @', 'FS .', 'ESC M', 'ESC t', 'ESC a', 'ESC E', 'GS !', 'text', 'LF', 'ESC !', 'ESC d', 'ESC p', 'GS a', 'GS B'],
      ...['GS v 0', 'GS ( k', 'GS ( L', 'GS ( H', 'GS k', 'GS k', 'DLE EOT', 'GS V', 'GS V'],
    ]);
    expect(tokens.find((t) => t.kind === 'command' && t.name === 'GS v 0')!.bytes).toHaveLength(10);
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
    ['a GS prefix at the very end', bytes(0x41, 0x1d), /GS at 1 is cut off/],
    ['ESC E without its parameter', bytes(0x1b, 0x45), /ESC E at 0 is cut off/],
    ['ESC p cut short', bytes(0x1b, 0x70, 0, 50), /ESC p at 0 is cut off/],
    ['a drawer pin other than 0/1/48/49', bytes(0x1b, 0x70, 2, 50, 250), /drawer pin 2 is not 0 or 1/],
    ['a QR code shorter than its length field', bytes(0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31, 0x50, 0x30), /GS \( at 0 is cut off/],
    ['a GS ( k that announces more than there is', bytes(0x1d, 0x28, 0x6b, 9, 0, 0x31, 0x43), /GS \( at 0 is cut off/],
    ['a 2D code function without cn and fn', bytes(0x1d, 0x28, 0x6b, 1, 0, 0x31), /needs at least cn and fn/],
    ['a graphics function without m and fn', bytes(0x1d, 0x28, 0x4c, 1, 0, 0x30), /needs at least m and fn/],
    ['a QR module size out of range', bytes(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x20), /QR module size 32/],
    [
      'a QR function with the wrong length',
      bytes(0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x51, 0x30, 0x00),
      /QR code function 0x51 with 4 parameter bytes/,
    ],
    ['a process ID outside 0x20–0x7E', bytes(0x1d, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x30, 0x30, 0x30, 0x01), /outside 0x20–0x7E/],
    ['a GS ( H other than fn 48', bytes(0x1d, 0x28, 0x48, 6, 0, 0x31, 0x30, 0x30, 0x30, 0x30, 0x31), /only fn 48/],
    ['a character size beyond 8×8', bytes(0x1d, 0x21, 0x88), /character size 0x88/],
    ['an unknown cut', bytes(0x1d, 0x56, 0x07), /cut mode 7/],
    ['a justification out of range', bytes(0x1b, 0x61, 0x05), /parameter 5 is not one of/],
    ['a stray control byte', bytes(0x41, 0x07, 0x42), /unexpected control byte 0x07 at 1/],
    ['a raster image cut short', bytes(0x1d, 0x76, 0x30, 0x00, 0x10, 0x00, 0x10, 0x00, 0x00), /GS v 0 at 0 is cut off/],
    ['an unknown raster mode', bytes(0x1d, 0x76, 0x30, 0x07, 1, 0, 1, 0, 0xff), /raster mode 7 is unknown/],
    ['a function A barcode without its NUL', bytes(0x1d, 0x6b, 4, 0x41, 0x42), /GS k at 0 is cut off/],
    ['DLE EOT 5', bytes(0x10, 0x04, 5), /DLE EOT at 0: parameter 5 is not one of 1, 2, 3, 4/],
  ])('reports %s', (_what, input, message) => {
    const { problems } = tokenizeEscPos(input);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('; ')).toMatch(message);
  });

  it('never throws, and its tokens are the input, byte for byte, in order', () => {
    // Biased towards command prefixes, so most inputs exercise command parsing rather than text.
    const byte = fc.oneof(
      fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x0a, 0x00, 0x28, 0x6b, 0x31, 0x48, 0x4c),
      fc.integer({ min: 0, max: 255 }),
    );
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
