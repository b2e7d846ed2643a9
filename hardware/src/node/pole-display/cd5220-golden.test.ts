import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeCd5220Clear, encodeCd5220Init, encodeCd5220Lines } from '../../common/pole-display/cd5220';
import { changeScreen, idleScreen, itemScreen } from '../../common/pole-display/display-text';

/*
 * Exact bytes sent to a CD5220 display, kept in hardware/src/common/pole-display/golden (this test
 * sits in src/node because reading files needs node:fs, which the common room may not import).
 * After a deliberate change, regenerate with UPDATE_GOLDEN=1, look at the diff (xxd) and commit.
 */
const golden = (name: string) => fileURLToPath(new URL(`../../common/pole-display/golden/${name}`, import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const fr = { locale: 'fr' } as const;

const cases: readonly { readonly file: string; readonly bytes: () => Uint8Array }[] = [
  { file: 'cd5220-init.bin', bytes: () => encodeCd5220Init({ brightness: 3 }) },
  { file: 'cd5220-idle-fr.bin', bytes: () => encodeCd5220Lines(...idleScreen('Épicerie du Marché', fr)) },
  { file: 'cd5220-item-fr.bin', bytes: () => encodeCd5220Lines(...itemScreen({ name: 'Crème fraîche épaisse 40 cl', amount: 289 }, 1537, fr)) },
  { file: 'cd5220-change-en.bin', bytes: () => encodeCd5220Lines(...changeScreen(5000, 1263, { locale: 'en' })) },
  { file: 'cd5220-clear.bin', bytes: () => encodeCd5220Clear() },
];

describe('CD5220 golden bytes', () => {
  for (const { file, bytes } of cases) {
    it(`matches golden/${file}`, () => {
      const actual = Buffer.from(bytes());
      if (update) writeFileSync(golden(file), actual);
      expect(existsSync(golden(file)), `golden/${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      const expected = readFileSync(golden(file));
      const firstDifference = actual.findIndex((b, i) => b !== expected[i]);
      expect({ length: actual.length, firstDifference }).toEqual({ length: expected.length, firstDifference: -1 });
    });
  }
});
