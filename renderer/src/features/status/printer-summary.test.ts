import { describe, expect, it } from 'vitest';
import { byUrgency } from './printer-summary';

describe('the printer conditions the status bar names first', () => {
  it('puts what stops printing before what only warns, once each', () => {
    expect(byUrgency(['drawer-open', 'paper-near-end', 'cover-open', 'drawer-open'])).toEqual([
      'cover-open',
      'paper-near-end',
      'drawer-open',
    ]);
    expect(byUrgency(['paper-near-end', 'paper-end'])).toEqual(['paper-end', 'paper-near-end']);
  });
});
