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

/** Steps of several stores at once, recording which stores each step took. */
class GroupingLoop extends ProjectorLoop {
  readonly steps: string[][] = [];
  private gate: (() => void) | null = null;
  private readonly pending = new Set<string>();

  constructor(concurrency: number, group: number) {
    super(quietDatabase, { settleMs: 0, maxLagMs: 0, concurrency, group });
  }

  /** Stores whose next step fills its batch (one more step follows at once). */
  behind(...storeIds: string[]): void {
    for (const storeId of storeIds) this.pending.add(storeId);
  }

  release(): void {
    this.gate?.();
  }

  protected wakesOn(_notice: ChangeNotice): string | null {
    return null;
  }

  protected storesBehind(): Promise<string[]> {
    return Promise.resolve([]);
  }

  protected step(storeId: string): Promise<StoreRun> {
    return this.stepStores([storeId]).then((runs) => runs.get(storeId)!);
  }

  protected override async stepStores(storeIds: readonly string[]): Promise<ReadonlyMap<string, StoreRun>> {
    this.steps.push([...storeIds]);
    await new Promise<void>((resolve) => (this.gate = resolve));
    const runs = new Map(storeIds.map((storeId) => [storeId, { more: this.pending.has(storeId) }]));
    for (const storeId of storeIds) this.pending.delete(storeId);
    return runs;
  }
}

describe('the projectors’ schedule with steps of several stores', () => {
  it('takes the stores due at once together, at most its group, the longest waiting first; only those behind step again', async () => {
    const loop = new GroupingLoop(1, 3);
    await loop.start();
    loop.poke('S1');
    await turn();
    expect(loop.steps).toEqual([['S1']]);
    // Due while the one lane is busy: the next step takes three of them together, then the last.
    for (const store of ['S2', 'S3', 'S4', 'S5']) loop.poke(store);
    loop.behind('S3', 'S4');
    loop.release();
    await turn();
    expect(loop.steps).toEqual([['S1'], ['S2', 'S3', 'S4']]);
    loop.release();
    await turn();
    // S3 and S4 filled their batch: they go on together, before S5 (the lane's run goes on).
    expect(loop.steps).toEqual([['S1'], ['S2', 'S3', 'S4'], ['S3', 'S4']]);
    loop.release();
    await turn();
    expect(loop.steps).toEqual([['S1'], ['S2', 'S3', 'S4'], ['S3', 'S4'], ['S5']]);
    loop.release();
    await loop.idle();
    await loop.close();
  });
});
