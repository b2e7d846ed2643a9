import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateScanFilter } from './duplicate-scan-filter';

describe('DuplicateScanFilter', () => {
  it('ignores the same code within 500 ms by default and takes it again after', () => {
    const filter = new DuplicateScanFilter();
    expect(filter.accept('3760000000017', 1000)).toBe(true);
    expect(filter.accept('3760000000017', 1300)).toBe(false);
    expect(filter.accept('3760000000017', 1900)).toBe(true);
  });

  it('takes a different code at once, and the first code again after it', () => {
    const filter = new DuplicateScanFilter();
    expect(filter.accept('A', 0)).toBe(true);
    expect(filter.accept('B', 10)).toBe(true);
    expect(filter.accept('A', 20)).toBe(true);
  });

  it('reads a label held still once: every repeat extends the window', () => {
    const filter = new DuplicateScanFilter(200);
    const accepted = [0, 150, 300, 450, 600].map((at) => filter.accept('A', at));
    expect(accepted).toEqual([true, false, false, false, false]);
    expect(filter.accept('A', 801)).toBe(true);
  });

  it('uses the configured window, forgets after reset, and treats a clock going back as a new scan', () => {
    const filter = new DuplicateScanFilter(50);
    expect(filter.accept('A', 100)).toBe(true);
    expect(filter.accept('A', 160)).toBe(true);
    filter.reset();
    expect(filter.accept('A', 170)).toBe(true);
    expect(filter.accept('A', 10)).toBe(true);
  });

  it('never accepts an identical code twice in a row within the window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B'), fc.integer({ min: 0, max: 1000 })), { maxLength: 40 }), (scans) => {
        const filter = new DuplicateScanFilter(300);
        let at = 0;
        let previous: { code: string; at: number } | undefined;
        for (const [code, gap] of scans) {
          at += gap;
          const accepted = filter.accept(code, at);
          if (previous && previous.code === code && at - previous.at < 300) expect(accepted).toBe(false);
          if (!previous || previous.code !== code) expect(accepted).toBe(true);
          previous = { code, at };
        }
      }),
    );
  });
});
