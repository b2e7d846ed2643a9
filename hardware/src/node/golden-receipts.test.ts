import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../common/encode-receipt';
import type { PrinterProfile } from '../common/printer';
import { ESC_POS_58, ESC_POS_80, STAR_PRNT_80 } from '../common/printer-profiles';
import { sampleReceipt } from '../common/test-support/sample-receipt';

/*
 * Exact bytes of whole receipts, kept in hardware/src/common/golden. This test sits in src/node
 * because reading files needs node:fs, which the common room may not import. After a deliberate
 * change (encoder upgrade, receipt layout in core), regenerate with UPDATE_GOLDEN=1, look at the
 * diff (xxd) and commit the new files.
 */
const golden = (name: string) => fileURLToPath(new URL(`../common/golden/${name}`, import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

const cases: readonly { readonly file: string; readonly profile: PrinterProfile; readonly duplicate?: number }[] = [
  { file: 'esc-pos-80.bin', profile: ESC_POS_80 },
  { file: 'esc-pos-58-duplicate.bin', profile: ESC_POS_58, duplicate: 2 },
  { file: 'star-prnt-80.bin', profile: STAR_PRNT_80 },
];

describe('golden receipts', () => {
  for (const { file, profile, duplicate } of cases) {
    it(`${profile.id}${duplicate ? ' (DUPLICATA)' : ''} matches golden/${file}`, () => {
      const bytes = Buffer.from(encodeReceipt(sampleReceipt(profile.columns, duplicate), profile));
      if (update) writeFileSync(golden(file), bytes);
      expect(existsSync(golden(file)), `golden/${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      const expected = readFileSync(golden(file));
      const firstDifference = bytes.findIndex((b, i) => b !== expected[i]);
      expect({ length: bytes.length, firstDifference }).toEqual({ length: expected.length, firstDifference: -1 });
    });
  }
});
