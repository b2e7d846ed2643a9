import 'fake-indexeddb/auto';
import type { PullResponse } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostBridge } from '../bridge';
import { CatalogDb } from './catalog-db';
import { coalesced } from './coalesced';
import { pullStockLevels } from './stock-sync';

let n = 0;
const dbs: CatalogDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** A hub of stock documents, pulled in pages of at most `limit` after a checkpoint. */
function stockHub(docs: { id: string; seq: number; level?: number; _deleted?: boolean }[]) {
  const calls: number[] = [];
  const bridge = {
    invoke: (async (_name: string, req: { checkpoint: { seq: number }; limit: number }) => {
      calls.push(req.checkpoint.seq);
      const after = docs.filter((d) => d.seq > req.checkpoint.seq).sort((a, b) => a.seq - b.seq);
      const page = after.slice(0, req.limit);
      const response: PullResponse = {
        documents: page.map((d) => ({ id: d.id, _deleted: d._deleted ?? false, productId: d.id, level: d.level ?? 0, updatedAt: 'now' })),
        checkpoint: page.length ? { seq: page.at(-1)!.seq } : req.checkpoint,
        remaining: after.length - page.length,
      };
      return response;
    }) as unknown as HostBridge['invoke'],
  };
  return { bridge, calls };
}

describe('pullStockLevels', () => {
  it('pulls every page from its checkpoint and resumes from it next time', async () => {
    const db = new CatalogDb(`stock-${n++}`);
    dbs.push(db);
    const docs: { id: string; seq: number; level?: number; _deleted?: boolean }[] = Array.from({ length: 1200 }, (_, i) => ({
      id: `p${i}`,
      seq: i + 1,
      level: i % 7,
    }));
    const hub = stockHub(docs);
    expect(await pullStockLevels(db, hub.bridge)).toBe(1200);
    expect(await db.stock.count()).toBe(1200);
    expect((await db.stock.get('p10'))?.level).toBe(3);
    docs.push({ id: 'p10', seq: 1201, level: -1 }, { id: 'p11', seq: 1202, _deleted: true });
    hub.calls.length = 0;
    expect(await pullStockLevels(db, hub.bridge)).toBe(2);
    expect(hub.calls[0]).toBe(1200);
    expect((await db.stock.get('p10'))?.level).toBe(-1);
    expect(await db.stock.get('p11')).toBeUndefined();
  });
});

describe('coalesced', () => {
  it('never runs twice at once and always runs once more after the last request', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const task = coalesced(async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      running -= 1;
    });
    await Promise.all([task.request(), task.request(), task.request()]);
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
  });
});
