import { describe, expect, it } from 'vitest';
import { appVersionOf } from './app-version';

describe('appVersionOf', () => {
  it('reads a plain version and ignores anything else', () => {
    expect(appVersionOf('1.4.0')).toBe('1.4.0');
    expect(appVersionOf(' 2.0.0-beta.1+build_7 ')).toBe('2.0.0-beta.1+build_7');
    for (const bad of [undefined, '', ' ', 'x'.repeat(41), '1.0 <script>', '-1', '1.0\u00e9', ['1.0', '2.0']])
      expect(appVersionOf(bad)).toBeNull();
  });
});
