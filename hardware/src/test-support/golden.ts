import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * A folder of golden files: exact bytes a test pins. They live beside the code that makes them
 * (common/ may not read files itself, so the tests comparing them sit in node/ and come here).
 * After a deliberate change, regenerate with UPDATE_GOLDEN=1, look at the diff (xxd) and commit.
 */
export type GoldenDir = {
  path(name: string): string;
  read(name: string): Buffer;
  /** Bytes are compared byte for byte; text (ZVT's hex files) as text. */
  expectMatch(name: string, actual: Uint8Array | string): void;
};

export function goldenDir(fromSrc: string): GoldenDir {
  const dir = new URL(`../${fromSrc}/`, import.meta.url);
  const path = (name: string) => fileURLToPath(new URL(name, dir));
  return {
    path,
    read: (name) => readFileSync(path(name)),
    expectMatch(name, actual) {
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path(name), actual);
      expect(existsSync(path(name)), `golden ${fromSrc}/${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      const expected = readFileSync(path(name));
      if (typeof actual === 'string') expect(actual).toBe(expected.toString('utf8'));
      else expect(difference(actual, expected)).toEqual(difference(expected, expected));
    },
  };
}

/** Where two byte strings part, with the bytes there: readable where a whole receipt would not be. */
function difference(actual: Uint8Array, expected: Uint8Array) {
  const at = actual.findIndex((byte, i) => byte !== expected[i]);
  const firstDifference = at < 0 && actual.length !== expected.length ? Math.min(actual.length, expected.length) : at;
  const near = firstDifference < 0 ? '' : Buffer.from(actual.subarray(firstDifference, firstDifference + 16)).toString('hex');
  return { length: actual.length, firstDifference, near };
}

export const RECEIPT_GOLDEN = goldenDir('common/golden');
export const CD5220_GOLDEN = goldenDir('common/pole-display/golden');
export const CAISSE_AP_GOLDEN = goldenDir('common/terminal/caisse-ap/golden');
export const CONCERT_GOLDEN = goldenDir('common/terminal/concert/golden');
export const ZVT_GOLDEN = goldenDir('common/terminal/zvt/golden');

/** The receipt golden files, made by node/golden-receipts.test.ts and read by the tokenizer's tests. */
export const RECEIPT_GOLDEN_FILES = [
  'esc-pos-80.bin',
  'esc-pos-58-duplicate.bin',
  'star-prnt-80.bin',
  'esc-pos-80-cash-job.bin',
  'esc-pos-80-drawer.bin',
  'star-prnt-80-cash-job.bin',
] as const;
