import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOGO } from '../common/printer/monochrome-image';
import { buildDrawerKickJob, buildPrintJob } from '../common/printer/print-job';
import { PRINTER_PROFILES } from '../common/printer-profiles';
import { sampleReceipt } from '../common/test-support/sample-receipt';
import { tokenizeEscPos } from './esc-pos-tokenizer';
import { GOLDEN_FILES, readGolden } from './golden-files';

const bytes = (...values: number[]) => Uint8Array.from(values);
const names = (input: Uint8Array) => tokenizeEscPos(input).tokens.map((t) => t.name);

describe('ESC/POS tokenizer', () => {
  it('walks commands with their exact parameter lengths, and text between them', () => {
    const input = bytes(
      ...[0x1b, 0x40, 0x1c, 0x2e, 0x1b, 0x4d, 0x00, 0x1b, 0x74, 19, 0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11],
      ...[0x41, 0x42, 0x0a, 0x1b, 0x21, 0x08, 0x1b, 0x64, 3, 0x1b, 0x70, 0, 50, 250, 0x1d, 0x61, 0x0f, 0x1d, 0x42, 1],
      ...[0x1d, 0x76, 0x30, 0x00, 1, 0, 2, 0, 0xff, 0x81, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
      ...[0x1d, 0x28, 0x4c, 2, 0, 0x30, 0x32, 0x1d, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31],
      ...[0x1d, 0x6b, 0x49, 3, 0x7b, 0x42, 0x41, 0x1d, 0x6b, 0x04, 0x41, 0x00, 0x10, 0x04, 1, 0x1d, 0x56, 0x41, 3, 0x1d, 0x56, 1],
    );
    expect(tokenizeEscPos(input).errors).toEqual([]);
    expect(names(input)).toEqual([
      ...['ESC @', 'FS .', 'ESC M', 'ESC t', 'ESC a', 'ESC E', 'GS !', 'text', 'LF', 'ESC !', 'ESC d', 'ESC p', 'GS a', 'GS B'],
      ...['GS v 0', 'GS ( k', 'GS ( L', 'GS ( H', 'GS k', 'GS k', 'DLE EOT', 'GS V', 'GS V'],
    ]);
    expect(tokenizeEscPos(input).tokens.find((t) => t.name === 'GS v 0')!.bytes).toHaveLength(10);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['an unknown ESC command', bytes(0x1b, 0x01), /ESC 0x1 is not a known command/],
    ['a drawer pin other than 0/1/48/49', bytes(0x1b, 0x70, 2, 50, 250), /ESC p: drawer pin selector m 2/],
    ['a command cut short', bytes(0x1b, 0x70, 0, 50), /ESC p: cut short/],
    ['a prefix at the very end', bytes(0x41, 0x1d), /a command prefix ends the stream/],
    ['a GS ( k that announces more than there is', bytes(0x1d, 0x28, 0x6b, 9, 0, 0x31, 0x43), /GS \( k: announces 9 byte\(s\)/],
    ['raster data cut short', bytes(0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 1, 2, 3), /GS v 0: raster data cut short/],
    ['a process ID outside 0x20–0x7E', bytes(0x1d, 0x28, 0x48, 6, 0, 0x30, 0x30, 0x30, 0x30, 0x30, 0x01), /outside 0x20–0x7E/],
    ['a stray control byte', bytes(0x41, 0x07, 0x41), /control byte 0x07/],
    ['a function A barcode without its NUL', bytes(0x1d, 0x6b, 4, 0x41, 0x42), /has no NUL/],
    ['DLE EOT 5', bytes(0x10, 0x04, 5), /DLE EOT: status n 5/],
  ])('reports %s', (_, input, message) => {
    const { errors } = tokenizeEscPos(input);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('never throws on random bytes, and every byte is in a token or reported', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (input) => {
        const { tokens, errors } = tokenizeEscPos(input);
        const covered = tokens.reduce((n, t) => n + t.bytes.length, 0);
        expect(covered + errors.length).toBeGreaterThanOrEqual(input.length > 0 ? Math.min(1, input.length) : 0);
        expect(covered).toBeLessThanOrEqual(input.length);
      }),
    );
  });
});

describe('every ESC/POS golden file and print job is well-formed', () => {
  for (const file of GOLDEN_FILES.filter((f) => f.startsWith('esc-pos'))) {
    it(`golden/${file}`, () => {
      const input = readGolden(file);
      const { tokens, errors } = tokenizeEscPos(input);
      expect(errors).toEqual([]);
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
      for (const job of jobs) expect(tokenizeEscPos(job).errors).toEqual([]);
    });
  }
});
