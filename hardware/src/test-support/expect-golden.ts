import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The Concert golden files live beside the codecs they pin (common/ may not read files itself). */
export const CONCERT_GOLDEN_DIR = new URL('../common/terminal/concert/golden/', import.meta.url);

/**
 * Compares bytes with a golden file exactly. After a deliberate change, regenerate with
 * UPDATE_GOLDEN=1, look at the diff (xxd) and commit the new files.
 */
export function expectGolden(dir: URL, name: string, bytes: Uint8Array): void {
  const path = fileURLToPath(new URL(name, dir));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, bytes);
  expect(existsSync(path), `golden ${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(hex(bytes)).toBe(hex(readFileSync(path)));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();
