import { findSyncCollection, type SyncCollection } from '@pos/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { ChainVerifier } from '../fiscal/chain-verifier';
import { verifyStoreChains } from '../fiscal/verify-store';
import { pushDocuments } from '../sync/push-documents';
import { sealedSaleDoc } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { projectStoreStock, StockProjector } from './stock-projector';

const SALES = findSyncCollection('sales') as SyncCollection;

function sales(device: Device, from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    newDocumentState: sealedSaleDoc(device, `sale-${from + i}`, [
      { lineId: 'l1', productId: 'prd-a', quantity: 1 },
      { lineId: 'l2', productId: `prd-${(from + i) % 3}`, quantity: 2 },
    ]),
  }));
}

async function levels(db: Database, storeId: string): Promise<Record<string, number>> {
  const rows = await db.query<{ product_id: string; level: number }>(
    'SELECT product_id, level FROM stock_levels WHERE store_id = $1 ORDER BY product_id',
    [storeId],
  );
  return Object.fromEntries(rows.map((r) => [r.product_id, r.level]));
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`stock projector on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    it('follows a push by itself: the level moves without anyone asking (the sales notice wakes the verifier, its feed the projector)', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      await client(ctx().hub, till!).push('sales', sales(till!, 0, 3));
      await expect.poll(async () => (await levels(ctx().db, 'S1'))['prd-a'], { timeout: 5000, interval: 10 }).toBe(-3);
      expect(await levels(ctx().db, 'S1')).toEqual({ 'prd-0': -2, 'prd-1': -2, 'prd-2': -2, 'prd-a': -3 });
      // The till pulls the levels as documents of its store.
      const pulled = await client(ctx().hub, till!).pullAll('stock_levels', 0, 100);
      expect(pulled.documents.map((d) => [d.id, d.level]).sort()).toEqual([
        ['prd-0', -2],
        ['prd-1', -2],
        ['prd-2', -2],
        ['prd-a', -3],
      ]);
    });

    it('steps through the verified sales in batches, moves its checkpoint along the verified feed, and a step with nothing new writes nothing', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      // Written without the hub's HTTP route and its notice listeners racing us: verifier and projector driven by hand.
      await ctx().hub.projectors!.verifier.close();
      await ctx().hub.projectors!.stock.close();
      try {
        await pushDocuments(ctx().db, till!, SALES, sales(till!, 0, 7));
        expect(await projectStoreStock(ctx().db, 'S1', 3)).toEqual({ sales: 0, movements: 0, lastSeq: 0, skipped: 0 });
        expect(await verifyStoreChains(ctx().db, 'S1')).toMatchObject({ read: 7, placed: 7, fed: 7, breaks: 0 });
        const steps = [];
        for (let i = 0; i < 4; i++) steps.push(await projectStoreStock(ctx().db, 'S1', 3));
        expect(steps.map((s) => [s.sales, s.movements, s.lastSeq])).toEqual([
          [3, 6, 3],
          [3, 6, 6],
          [1, 2, 7],
          [0, 0, 7],
        ]);
        const [checkpoint] = await ctx().db.query<{ seq: number }>("SELECT seq FROM stock_projection WHERE store_id = 'S1'");
        expect(checkpoint!.seq).toBe(7);
        expect((await levels(ctx().db, 'S1'))['prd-a']).toBe(-7);
        const counter = async () => (await ctx().db.query<{ seq: number }>("SELECT seq FROM store_counters WHERE store_id = 'S1'"))[0]!.seq;
        const before = await counter();
        expect(await projectStoreStock(ctx().db, 'S1')).toEqual({ sales: 0, movements: 0, lastSeq: 7, skipped: 0 });
        expect(await counter()).toBe(before);
      } finally {
        await ctx().hub.projectors!.verifier.start();
        await ctx().hub.projectors!.stock.start();
      }
    });

    it('verifies (and so projects) a calm store once it has been quiet for the settle time, and a store that never goes quiet within the longest lag', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      await ctx().hub.projectors!.verifier.close();
      const projected = async () => (await levels(ctx().db, 'S1'))['prd-a'] !== undefined;
      let verifier = new ChainVerifier(ctx().db, { settleMs: 300, maxLagMs: 60_000 });
      try {
        await verifier.start();
        let pushed = Date.now();
        await pushDocuments(ctx().db, till!, SALES, sales(till!, 0, 1));
        await expect.poll(projected, { timeout: 5000, interval: 10 }).toBe(true);
        expect(Date.now() - pushed).toBeGreaterThanOrEqual(300);
        await verifier.close();

        // A sale every 50 ms: the quiet time (a minute) never comes, the longest lag does.
        verifier = new ChainVerifier(ctx().db, { settleMs: 60_000, maxLagMs: 600 });
        await verifier.start();
        await ctx().db.query("DELETE FROM stock_levels WHERE store_id = 'S1'");
        pushed = Date.now();
        for (let n = 1; !(await projected()); n++) {
          if (Date.now() - pushed > 10_000) throw new Error('a store selling all the time was not projected within 10 s');
          await pushDocuments(ctx().db, till!, SALES, sales(till!, n, 1));
          await sleep(50);
        }
        expect(Date.now() - pushed).toBeGreaterThanOrEqual(600);
      } finally {
        await verifier.close();
        await ctx().hub.projectors!.verifier.start();
      }
    });

    it('a hub that stopped before verifying and projecting catches up at start; two hub instances at once count every sale once', async () => {
      const [t1, t2] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const [other] = await enrolledTills(ctx().db, 'S2', ['T1']);
      await ctx().hub.projectors!.verifier.close();
      await ctx().hub.projectors!.stock.close();
      const second = target.name === 'postgres' ? await ctx().database.openAnother() : ctx().db;
      const instances: (ChainVerifier | StockProjector)[] = [];
      try {
        await pushDocuments(ctx().db, t1!, SALES, sales(t1!, 0, 40));
        await pushDocuments(ctx().db, other!, SALES, sales(other!, 0, 5));
        // Two hubs start at once (each a verifier and a projector), then sales keep coming.
        instances.push(new ChainVerifier(ctx().db), new ChainVerifier(second), new StockProjector(ctx().db), new StockProjector(second));
        for (const p of instances) await p.start();
        expect((await levels(ctx().db, 'S2'))['prd-a']).toBe(-5);
        for (let b = 0; b < 10; b++) await pushDocuments(ctx().db, b % 2 ? t1! : t2!, SALES, sales(b % 2 ? t1! : t2!, 100 + b * 20, 20));
        await Promise.all(instances.slice(0, 2).map((p) => p.catchUp()));
        await Promise.all(instances.slice(2).map((p) => p.catchUp()));
        expect((await levels(ctx().db, 'S1'))['prd-a']).toBe(-240);
        const [{ n }] = (await ctx().db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM stock_movements WHERE store_id = 'S1'")) as [
          { n: number },
        ];
        expect(n).toBe(480);
        expect(await ctx().db.query('SELECT code FROM chain_breaks')).toEqual([]);
      } finally {
        for (const p of instances) await p.close();
        if (second !== ctx().db) await second.close();
        await ctx().hub.projectors!.verifier.start();
        await ctx().hub.projectors!.stock.start();
      }
    });
  });
}
