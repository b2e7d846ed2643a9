import { findSyncCollection, type SyncCollection } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';
import { putHubDocuments } from './hub-writes';
import { pullDocuments } from './pull-documents';
import { CATALOG_SCOPE } from './scope';

const products = findSyncCollection('products') as SyncCollection;
const customers = findSyncCollection('customers') as SyncCollection;

const product = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `P${String(i).padStart(6, '0')}`,
  name: `Product ${i}`,
  priceMinor: 100 + i,
  ...extra,
});

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`pull on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    it('an empty collection: no documents, no checkpoint, nothing remaining', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      expect(await client(ctx().hub, till!).pull('products', 0, 10)).toEqual({ documents: [], checkpoint: null, remaining: 0 });
    });

    it('a page of large documents stops at its weight (the first always goes), and says what remains', async () => {
      const { db } = ctx();
      // Random text does not compress: each document weighs about 20 kB as stored.
      const bulky = (i: number) =>
        product(i, { note: Array.from({ length: 2000 }, () => Math.random().toString(36).slice(2, 12)).join('') });
      await putHubDocuments(
        db,
        CATALOG_SCOPE,
        products,
        Array.from({ length: 12 }, (_, i) => bulky(i)),
      );
      const first = await pullDocuments(db, CATALOG_SCOPE, 'products', 0, 1000, 50_000);
      expect(first.documents.length).toBeGreaterThanOrEqual(2);
      expect(first.documents.length).toBeLessThanOrEqual(4);
      expect(first.remaining).toBe(12 - first.documents.length);
      const seen = [...first.documents];
      let checkpoint = first.checkpoint!.seq;
      for (let page = 0; page < 12 && seen.length < 12; page++) {
        const next = await pullDocuments(db, CATALOG_SCOPE, 'products', checkpoint, 1000, 1);
        expect(next.documents).toHaveLength(1);
        seen.push(...next.documents);
        checkpoint = next.checkpoint!.seq;
      }
      expect(seen.map((d) => d.id)).toEqual(Array.from({ length: 12 }, (_, i) => product(i).id));
    });

    it('pages are full while rows remain, in sequence order, with checkpoints and what remains', async () => {
      const { db, hub } = ctx();
      const [till] = await enrolledTills(db, 'S1', ['T1']);
      await putHubDocuments(
        db,
        CATALOG_SCOPE,
        products,
        Array.from({ length: 25 }, (_, i) => product(i)),
      );
      const c = client(hub, till!);
      const first = await c.pull('products', 0, 10);
      expect(first.documents).toHaveLength(10);
      expect(first.checkpoint).toEqual({ seq: 10 });
      expect(first.remaining).toBe(15);
      expect(first.documents[0]).toEqual({ id: 'P000000', name: 'Product 0', priceMinor: 100, _deleted: false });
      const second = await c.pull('products', 10, 10);
      expect(second.documents.map((d) => d.id)).toEqual(Array.from({ length: 10 }, (_, i) => product(i + 10).id));
      expect(second).toMatchObject({ checkpoint: { seq: 20 }, remaining: 5 });
      const third = await c.pull('products', 20, 10);
      expect(third).toMatchObject({ checkpoint: { seq: 25 }, remaining: 0 });
      expect(third.documents).toHaveLength(5);
      // Caught up: nothing more, and the checkpoint stays where it was.
      expect(await c.pull('products', 25, 10)).toEqual({ documents: [], checkpoint: { seq: 25 }, remaining: 0 });
    });

    it('a till offline for 7 days catches up in full pages: changes, moved updates and tombstones', async () => {
      const { db, hub } = ctx();
      const [till] = await enrolledTills(db, 'S1', ['T1']);
      // Before going offline, the till had the first 500 products.
      await putHubDocuments(
        db,
        CATALOG_SCOPE,
        products,
        Array.from({ length: 500 }, (_, i) => product(i)),
      );
      const c = client(hub, till!);
      const before = await c.pullAll('products', 0, 1000);
      expect(before.documents).toHaveLength(500);
      const offlineFrom = before.checkpoint;
      // Seven days of head-office work: 3,500 new products, a price change a day on 100, 50 withdrawn.
      for (let day = 0; day < 7; day++) {
        await putHubDocuments(
          db,
          CATALOG_SCOPE,
          products,
          Array.from({ length: 500 }, (_, i) => product(500 + day * 500 + i, { day })),
        );
        await putHubDocuments(
          db,
          CATALOG_SCOPE,
          products,
          Array.from({ length: 100 }, (_, i) => product(i, { priceMinor: 1000 + day })),
        );
      }
      await putHubDocuments(
        db,
        CATALOG_SCOPE,
        products,
        Array.from({ length: 50 }, (_, i) => ({ ...product(400 + i), _deleted: true })),
      );

      const caughtUp = await c.pullAll('products', offlineFrom, 1000);
      const sizes = caughtUp.pages.map((p) => p.documents.length);
      // Every page but the last is full.
      expect(sizes.slice(0, -1).every((n) => n === 1000)).toBe(true);
      const seqs = caughtUp.pages.flatMap((p) => p.documents).length;
      expect(seqs).toBe(3500 + 100 + 50);
      // Applying the pages in order gives the hub's state.
      const local = new Map(before.documents.map((d) => [d.id, d]));
      for (const d of caughtUp.documents) local.set(d.id, d);
      expect(local.get('P000003')).toMatchObject({ priceMinor: 1006 });
      expect(local.get('P000420')).toMatchObject({ _deleted: true });
      expect([...local.values()].filter((d) => !d._deleted)).toHaveLength(4000 - 50);
      const hubCount = await db.query<{ n: number }>(
        "SELECT count(*) AS n FROM catalog_docs WHERE collection = 'products' AND NOT deleted",
      );
      expect(hubCount[0]!.n).toBe(3950);
    });

    it('a till reads its own store only: the scope comes from the token, whatever the request says', async () => {
      const { db, hub } = ctx();
      const [a] = await enrolledTills(db, 'S1', ['T1']);
      const [b] = await enrolledTills(db, 'S2', ['T1']);
      await putHubDocuments(db, { kind: 'store', storeId: 'S1' }, customers, [{ id: 'c1', storeId: 'S1', lastName: 'Martin' }]);
      await putHubDocuments(db, { kind: 'store', storeId: 'S2' }, customers, [{ id: 'c2', storeId: 'S2', lastName: 'Durand' }]);
      expect((await client(hub, a!).pull('customers', 0, 100)).documents.map((d) => d.id)).toEqual(['c1']);
      expect((await client(hub, b!).pull('customers', 0, 100)).documents.map((d) => d.id)).toEqual(['c2']);
      const sneaky = await hub.app.inject({
        url: '/sync/v1/customers/pull?checkpoint=0&limit=100&storeId=S2&store=S2',
        headers: syncHeaders(a!.token, 'customers'),
      });
      expect(sneaky.json().documents.map((d: { id: string }) => d.id)).toEqual(['c1']);
    });

    it('a batch with a refused document: pulls see exactly the written rows, the checkpoint passes no hole', async () => {
      const { db, hub } = ctx();
      const [writer, reader] = await enrolledTills(db, 'S1', ['T1', 'T2']);
      const c = (id: string) => ({ id, _deleted: false, storeId: 'S1', lastName: id, fieldTimes: {} });
      const reply = await client(hub, writer!).push('customers', [
        { newDocumentState: c('a') },
        { newDocumentState: { ...c('bad'), storeId: 'S2' } },
        { newDocumentState: c('b') },
      ]);
      expect(reply.errors.map((e) => e.id)).toEqual(['bad']);
      const first = await client(hub, reader!).pull('customers', 0, 10);
      expect(first.documents.map((d) => d.id)).toEqual(['a', 'b']);
      expect(first.checkpoint).toEqual({ seq: 2 });
      await client(hub, writer!).push('customers', [{ newDocumentState: c('d') }]);
      expect(await client(hub, reader!).pull('customers', 2, 10)).toMatchObject({
        documents: [{ id: 'd' }],
        checkpoint: { seq: 3 },
        remaining: 0,
      });
    });

    it('refuses bad checkpoints and limits with 400 and a clear body', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      for (const query of ['checkpoint=-1', 'checkpoint=abc', 'checkpoint=1.5', 'limit=0', 'limit=1001', 'limit=ten']) {
        const res = await ctx().hub.app.inject({ url: `/sync/v1/products/pull?${query}`, headers: syncHeaders(till!.token, 'products') });
        expect(res.statusCode, query).toBe(400);
        expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/checkpoint|limit/) });
      }
    });

    it('unknown collection: 404; push-only collection: no pull (405)', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const unknown = await ctx().hub.app.inject({ url: '/sync/v1/secrets/pull', headers: syncHeaders(till!.token, 'secrets', 0) });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: 'unknown_collection' });
      const sales = await ctx().hub.app.inject({ url: '/sync/v1/sales/pull', headers: syncHeaders(till!.token, 'sales') });
      expect(sales.statusCode).toBe(405);
      expect(sales.json()).toEqual({ error: 'method_not_allowed', message: expect.stringContaining('sales') });
    });
  });
}
