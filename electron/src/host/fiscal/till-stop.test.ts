import { describe, expect, it } from 'vitest';
import type { JournalStore } from './journal-store';
import type { Sealer } from './sealer';
import { sealTillStop } from './till-stop';

const okJournal = { status: { state: 'ok' } } as unknown as JournalStore;

describe('sealTillStop (JET 40)', () => {
  it('never holds a stop longer than its bound when the seal hangs', async () => {
    const hanging = { seal: () => new Promise(() => undefined) } as unknown as Sealer;
    const started = Date.now();
    expect(await sealTillStop(hanging, okJournal, 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('seals till.stop, and nothing on a stopped journal', async () => {
    const sealed: unknown[] = [];
    const sealer = { seal: async (request: { payload: unknown }) => sealed.push(request.payload) } as unknown as Sealer;
    expect(await sealTillStop(sealer, okJournal)).toBe(true);
    const stopped = { status: { state: 'stopped', reason: 'journal-damaged', problems: [] } } as unknown as JournalStore;
    expect(await sealTillStop(sealer, stopped)).toBe(false);
    expect(sealed).toEqual([{ type: 'till.stop' }]);
  });
});
