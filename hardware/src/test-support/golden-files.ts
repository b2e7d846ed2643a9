import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The golden byte files in hardware/src/common/golden, made and checked by node/golden-receipts.test.ts. */
export const GOLDEN_FILES = [
  'esc-pos-80.bin',
  'esc-pos-58-duplicate.bin',
  'star-prnt-80.bin',
  'esc-pos-80-cash-job.bin',
  'esc-pos-80-drawer.bin',
  'star-prnt-80-cash-job.bin',
] as const;

export const readGolden = (name: (typeof GOLDEN_FILES)[number]): Uint8Array =>
  readFileSync(fileURLToPath(new URL(`../common/golden/${name}`, import.meta.url)));
