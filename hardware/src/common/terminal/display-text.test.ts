import { describe, expect, it } from 'vitest';
import { displayBytes, displayText } from './display-text';

describe('display fields', () => {
  it('trims NUL and space padding, shows control bytes as "?", keeps Latin-1 letters, cuts at the limit', () => {
    expect(displayBytes(Uint8Array.of(0x56, 0x49, 0x53, 0x41, 0x00, 0x00))).toBe('VISA');
    expect(displayBytes(Uint8Array.of(0x41, 0x0d, 0x42, 0xe9))).toBe('A?Bé');
    expect(displayText('x'.repeat(40))).toBe('x'.repeat(32));
    expect(displayText('abcdef', 3)).toBe('abc');
    expect(displayText('\0 \0')).toBeUndefined();
  });
});
