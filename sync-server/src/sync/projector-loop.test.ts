import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { ChangeNotice } from './change-notice';
import { ProjectorLoop, type StoreRun } from './projector-loop';

/** A database that only listens: the loop under test is woken by poke(). */
const quietDatabase = { listen: async () => async () => undefined } as unknown as Database;

/** Steps that end when the test says so, recording which stores ran when. */
class GatedLoop extends ProjectorLoop {
  readonly started: string[] = [];
  private readonly gates = new Map<string, () => void>();

  constructor(concurrency: number) {
    super(quietDatabase, { settleMs: 0, maxLagMs: 0, concurrency });
  }

  release(storeId: string): void {
    this.gates.get(storeId)?.();
  }

  protected wakesOn(_notice: ChangeNotice): string | null {
    return null;
  }

  protected storesBehind(): Promise<string[]> {
    return Promise.resolve([]);
  }

  protected async step(storeId: string): Promise<StoreRun> {
    this.started.push(storeId);
    await new Promise<void>((resolve) => this.gates.set(storeId, resolve));
    return { more: false };
  }
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the projectors’ schedule', () => {
  it('starts a store due while another’s slow step holds a lane, without waiting for it', async () => {
    const loop = new GatedLoop(2);
    await loop.start();
    loop.poke('S1');
    await turn();
    expect(loop.started).toEqual(['S1']);
    // S1's step is slow (a busy store); S2 becomes due meanwhile and takes the free lane at once.
    loop.poke('S2');
    await turn();
    expect(loop.started).toEqual(['S1', 'S2']);
    loop.release('S2');
    await turn();
    loop.poke('S3');
    await turn();
    expect(loop.started).toEqual(['S1', 'S2', 'S3']);
    loop.release('S1');
    loop.release('S3');
    await loop.idle();
    await loop.close();
  });

  it('never runs more stores than its lanes, nor one store twice at once', async () => {
    const loop = new GatedLoop(2);
    await loop.start();
    for (const store of ['S1', 'S2', 'S3', 'S1']) loop.poke(store);
    await turn();
    expect(loop.started).toEqual(['S1', 'S2']);
    loop.poke('S1'); // asked again while it runs: once it ends
    loop.release('S1');
    await turn();
    // The freed lane takes the store that waited longest.
    expect(loop.started).toEqual(['S1', 'S2', 'S3']);
    loop.release('S2');
    await turn();
    expect(loop.started).toEqual(['S1', 'S2', 'S3', 'S1']);
    loop.release('S3');
    loop.release('S1');
    await loop.idle();
    await loop.close();
  });
});
