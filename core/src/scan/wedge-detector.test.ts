import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeAction } from './wedge-detector';

function feed(detector: WedgeDetector, keys: readonly string[], gaps: readonly number[]): WedgeAction[] {
  let at = 1000;
  return keys.map((key, i) => {
    at += gaps[i] ?? 0;
    return detector.key(key, at);
  });
}

describe('WedgeDetector', () => {
  it('reports a fast burst ended by Enter as a scan', () => {
    const d = new WedgeDetector();
    const keys = [...'3760000000017', 'Enter'];
    const actions = feed(
      d,
      keys,
      keys.map(() => 3),
    );
    expect(actions.slice(0, -1).every((a) => a.type === 'hold')).toBe(true);
    expect(actions.at(-1)).toEqual({ type: 'scan', code: '3760000000017' });
  });

  it('hands slow typing back as text', () => {
    const d = new WedgeDetector();
    const [first, second] = feed(d, ['1', '2'], [0, 150]);
    expect(first).toEqual({ type: 'hold' });
    expect(second).toEqual({ type: 'flush', text: '1', thenEnter: false });
    expect(d.idle(1000 + 150 + 100)).toEqual({ type: 'flush', text: '2', thenEnter: false });
  });

  it('does not take a short fast burst for a scan', () => {
    const d = new WedgeDetector();
    const actions = feed(d, ['1', '2', 'Enter'], [0, 5, 5]);
    expect(actions.at(-1)).toEqual({ type: 'flush', text: '12', thenEnter: true });
  });

  it('passes Enter through when nothing is held', () => {
    expect(new WedgeDetector().key('Enter', 0)).toEqual({ type: 'pass' });
  });

  it('releases held keys when a non-character key arrives', () => {
    const d = new WedgeDetector();
    d.key('4', 0);
    expect(d.key('ArrowDown', 2)).toEqual({ type: 'flush', text: '4', thenEnter: false });
  });

  it('property: whatever the timing, no key is lost or doubled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('0', '1', '7', '9', 'a', 'Enter'), fc.integer({ min: 0, max: 120 })), { maxLength: 40 }),
        (events) => {
          const d = new WedgeDetector();
          let at = 0;
          let out = '';
          const typed = events.map(([k]) => (k === 'Enter' ? '\n' : k)).join('');
          for (const [key, gap] of events) {
            at += gap;
            const a = d.key(key, at);
            if (a.type === 'scan') out += `${a.code}\n`;
            if (a.type === 'flush') out += a.text + (a.thenEnter ? '\n' : '');
            if (a.type === 'pass' && key === 'Enter') out += '\n';
          }
          const last = d.idle(at + 1000);
          if (last.type === 'flush') out += last.text;
          expect(out).toBe(typed);
        },
      ),
    );
  });
});
