import { describe, expect, it } from 'vitest';
import { TypedEvents } from './device';

describe('typed events', () => {
  it('delivers to every listener, survives a throwing one, and unsubscribes', () => {
    const events = new TypedEvents<{ data: number }>();
    const seen: number[] = [];
    events.on('data', () => {
      throw new Error('listener bug');
    });
    const off = events.on('data', (n) => seen.push(n));
    events.emit('data', 1);
    off();
    events.emit('data', 2);
    expect(seen).toEqual([1]);
  });
});
