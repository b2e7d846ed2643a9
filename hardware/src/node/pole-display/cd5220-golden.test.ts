import { describe, it } from 'vitest';
import { encodeCd5220Clear, encodeCd5220Init, encodeCd5220Lines } from '../../common/pole-display/cd5220';
import { changeScreen, idleScreen, itemScreen } from '../../common/pole-display/display-text';
import { CD5220_GOLDEN } from '../../test-support/golden';

/*
 * Exact bytes sent to a CD5220 display, kept in hardware/src/common/pole-display/golden (this test
 * sits in src/node because reading files needs node:fs, which the common room may not import).
 * After a deliberate change, regenerate with UPDATE_GOLDEN=1, look at the diff (xxd) and commit.
 */
const fr = { locale: 'fr' } as const;

const cases: readonly { readonly file: string; readonly bytes: () => Uint8Array }[] = [
  { file: 'cd5220-init.bin', bytes: () => encodeCd5220Init({ brightness: 3 }) },
  { file: 'cd5220-idle-fr.bin', bytes: () => encodeCd5220Lines(...idleScreen('Épicerie du Marché', fr)) },
  {
    file: 'cd5220-item-fr.bin',
    bytes: () => encodeCd5220Lines(...itemScreen({ name: 'Crème fraîche épaisse 40 cl', amount: 289 }, 1537, fr)),
  },
  { file: 'cd5220-change-en.bin', bytes: () => encodeCd5220Lines(...changeScreen(5000, 1263, { locale: 'en' })) },
  { file: 'cd5220-clear.bin', bytes: () => encodeCd5220Clear() },
];

describe('CD5220 golden bytes', () => {
  for (const { file, bytes } of cases) {
    it(`matches golden/${file}`, () => CD5220_GOLDEN.expectMatch(file, bytes()));
  }
});
