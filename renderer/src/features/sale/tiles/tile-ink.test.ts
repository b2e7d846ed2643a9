import { describe, expect, it } from 'vitest';
import { contrastRatio, inkOn } from './tile-ink';

describe('the ink of a coloured tile', () => {
  it('is white on a dark colour and black on a light one', () => {
    expect(inkOn('#000')).toBe('#ffffff');
    expect(inkOn('#a63d40')).toBe('#ffffff');
    expect(inkOn('#f0c27b')).toBe('#000000');
    expect(inkOn('#FFF')).toBe('#000000');
  });

  it('reads at 4.5:1 or better on any colour a store may pick', () => {
    for (let v = 0; v < 0x1000; v += 7) {
      const hex = `#${v.toString(16).padStart(3, '0')}`;
      expect(contrastRatio(hex, inkOn(hex)), hex).toBeGreaterThanOrEqual(4.5);
    }
  });
});
