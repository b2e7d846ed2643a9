import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchOptions, UsageError } from './launch-options';

const root = path.resolve('/repo');

describe('npm start options', () => {
  it('takes a demo card terminal of each protocol, and refuses another', () => {
    expect(parseLaunchOptions([], {}, root).demoTerminal).toBeNull();
    expect(parseLaunchOptions(['--demo-terminal', 'zvt'], {}, root).demoTerminal).toBe('zvt');
    expect(parseLaunchOptions(['--demo-terminal', 'concert', '--browser'], {}, root)).toMatchObject({
      demoTerminal: 'concert',
      browser: true,
    });
    expect(() => parseLaunchOptions(['--demo-terminal', 'visa'], {}, root)).toThrow(UsageError);
    expect(() => parseLaunchOptions(['--demo-terminal'], {}, root)).toThrow(/needs a value/);
  });
});
