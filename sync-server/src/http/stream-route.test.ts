import { findSyncCollection, type StreamEvent, type SyncCollection } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../server';
import { putHubDocuments } from '../sync/hub-writes';
import { CATALOG_SCOPE } from '../sync/scope';
import { neverReadingClient, whenClosed } from '../test-support/raw-client';
import { openSse, type SseStream } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const products = findSyncCollection('products') as SyncCollection;
const customer = (id: string, storeId = 'S1') => ({ id, _deleted: false, storeId, lastName: `Name ${id}`, fieldTimes: {} });

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`event streams on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, heartbeatMs: 100 });
    let url = '';
    const opened: SseStream[] = [];
    const extraHubs: Hub[] = [];

    async function stream(token: string, collection: string, base = url): Promise<SseStream> {
      if (!url) url = await ctx().hub.listen();
      const s = await openSse(`${base || url}/sync/v1/${collection}/stream`, syncHeaders(token, collection));
      opened.push(s);
      return s;
    }
    afterEach(async () => {
      for (const s of opened.splice(0)) s.close();
      for (const h of extraHubs.splice(0)) await h.close();
    });

    it('says RESYNC first, then sends each change of the store as it commits', async () => {
      const [a, b] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const s = await stream(a!.token, 'customers');
      expect(s.status).toBe(200);
      expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(await s.event(0)).toBe('RESYNC');
      await client(ctx().hub, b!).push('customers', [{ newDocumentState: customer('c1') }, { newDocumentState: customer('c2') }]);
      const event = JSON.parse(await s.event(1)) as StreamEvent;
      expect(event).toEqual({ documents: [customer('c1'), customer('c2')], checkpoint: { seq: 2 } });
      await client(ctx().hub, b!).push('customers', [{ newDocumentState: customer('c3') }]);
      expect(JSON.parse(await s.event(2))).toEqual({ documents: [customer('c3')], checkpoint: { seq: 3 } });
    });

    it('catalog changes reach every store’s streams; another store’s changes never do', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const [other] = await enrolledTills(ctx().db, 'S2', ['T1']);
      const catalog = await stream(a!.token, 'products');
      const catalogOther = await stream(other!.token, 'products');
      const mine = await stream(a!.token, 'customers');
      await Promise.all([catalog.event(0), catalogOther.event(0), mine.event(0)]);
      await client(ctx().hub, other!).push('customers', [{ newDocumentState: customer('theirs', 'S2') }]);
      await putHubDocuments(ctx().db, CATALOG_SCOPE, products, [{ id: 'P1', name: 'Baguette', priceMinor: 110 }]);
      for (const s of [catalog, catalogOther])
        expect(JSON.parse(await s.event(1))).toEqual({
          documents: [{ id: 'P1', name: 'Baguette', priceMinor: 110, _deleted: false }],
          checkpoint: { seq: 1 },
        });
      await new Promise((r) => setTimeout(r, 200));
      expect(mine.events).toEqual(['RESYNC']);
    });

    it('more than a page pending: RESYNC instead of documents', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const s = await stream(a!.token, 'products');
      await s.event(0);
      await putHubDocuments(
        ctx().db,
        CATALOG_SCOPE,
        products,
        Array.from({ length: 600 }, (_, i) => ({ id: `P${i}`, name: `Product ${i}` })),
      );
      expect(await s.event(1)).toBe('RESYNC');
      // And it carries on from there.
      await putHubDocuments(ctx().db, CATALOG_SCOPE, products, [{ id: 'P-new', name: 'New' }]);
      expect(JSON.parse(await s.event(2))).toMatchObject({ documents: [{ id: 'P-new' }], checkpoint: { seq: 601 } });
    });

    it('a dropped connection: RESYNC on reconnect, and pulling from the checkpoint misses nothing', async () => {
      const [a, b] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const writer = client(ctx().hub, b!);
      const reader = client(ctx().hub, a!);
      const have = new Set<string>();
      let checkpoint = 0;
      const apply = (e: StreamEvent) => {
        e.documents.forEach((d) => have.add(d.id));
        checkpoint = e.checkpoint.seq;
      };
      const first = await stream(a!.token, 'customers');
      await first.event(0);
      await writer.push('customers', [{ newDocumentState: customer('before') }]);
      apply(JSON.parse(await first.event(1)));
      first.close();
      // Written while the till is disconnected.
      await writer.push('customers', [{ newDocumentState: customer('while-1') }]);
      await writer.push('customers', [{ newDocumentState: customer('while-2') }]);
      const second = await stream(a!.token, 'customers');
      expect(await second.event(0)).toBe('RESYNC');
      const pulled = await reader.pullAll('customers', checkpoint, 100);
      pulled.documents.forEach((d) => have.add(d.id));
      checkpoint = pulled.checkpoint;
      await writer.push('customers', [{ newDocumentState: customer('after') }]);
      apply(JSON.parse(await second.event(1)));
      expect([...have].sort()).toEqual(['after', 'before', 'while-1', 'while-2']);
      expect(checkpoint).toBe(4);
    });

    it('sends a heartbeat comment while idle', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const s = await stream(a!.token, 'products');
      await s.event(0);
      const started = Date.now();
      while (s.comments.filter((c) => c === 'keep-alive').length < 2 && Date.now() - started < 3000)
        await new Promise((r) => setTimeout(r, 20));
      expect(s.comments.filter((c) => c === 'keep-alive').length).toBeGreaterThanOrEqual(2);
      expect(s.events).toEqual(['RESYNC']);
    });

    it('refuses a stream without a token (401) and for a push-only collection (405)', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const anonymous = await stream('', 'products');
      expect(anonymous.status).toBe(401);
      const sales = await stream(a!.token, 'sales');
      expect(sales.status).toBe(405);
    });

    it('a device holds at most 4 streams of a collection: a fifth closes its oldest; other devices and collections are not touched', async () => {
      const [a, b] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const mine: SseStream[] = [];
      for (let i = 0; i < 6; i++) {
        const s = await stream(a!.token, 'products');
        expect(await s.event(0)).toBe('RESYNC');
        mine.push(s);
      }
      await expect.poll(() => ctx().hub.streams.connectionCount).toBe(4);
      await Promise.all([mine[0]!.ended, mine[1]!.ended]);
      expect(mine[0]!.comments).toContainEqual(expect.stringMatching(/more than 4 streams of products/));
      const theirs = await stream(b!.token, 'products');
      const customers = await stream(a!.token, 'customers');
      await Promise.all([theirs.event(0), customers.event(0)]);
      expect(ctx().hub.streams.connectionCount).toBe(6);
      await putHubDocuments(ctx().db, CATALOG_SCOPE, products, [{ id: 'P1', name: 'Baguette' }]);
      for (const s of [...mine.slice(2), theirs]) expect(JSON.parse(await s.event(1))).toMatchObject({ documents: [{ id: 'P1' }] });
      expect(mine[0]!.events).toEqual(['RESYNC']);
    });

    /**
     * A hub with a till reading its products stream and another that never reads its own; changes
     * of ≈ 200 kB are written while `goOn()` says so: the socket buffers of the kernel (a few MB)
     * fill first, then the hub's.
     */
    async function stalledReaderRig(streamBufferBytes: number) {
      const hub = await createHub({ database: ctx().db, port: 0, rateLimit: false, streamBufferBytes });
      extraHubs.push(hub);
      const base = await hub.listen();
      const [reader, stalled] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const stuck = await neverReadingClient(base, '/sync/v1/products/stream', syncHeaders(stalled!.token, 'products'));
      const closed = whenClosed(stuck);
      const good = await stream(reader!.token, 'products', base);
      await good.event(0);
      await expect.poll(() => hub.streams.connectionCount).toBe(2);
      const name = 'Pain de campagne '.repeat(120);
      let largest = 0;
      let rounds = 0;
      const write = async (goOn: () => boolean) => {
        while (goOn() && rounds < 200) {
          rounds++;
          const batch = Array.from({ length: 100 }, (_, i) => ({ id: `P${rounds}-${i}`, name }));
          await putHubDocuments(ctx().db, CATALOG_SCOPE, products, batch);
          await good.event(rounds, 10_000);
          largest = Math.max(largest, hub.streams.bufferedBytes);
        }
        return { rounds, largest };
      };
      return { hub, stuck, closed, good, write };
    }

    it('a reader that stops reading is cut off once its stream holds more than the bound; the hub’s buffers stay bounded', async () => {
      const bound = 256 * 1024;
      const { hub, stuck, closed, good, write } = await stalledReaderRig(bound);
      const { rounds, largest } = await write(() => hub.streams.connectionCount === 2);
      expect(hub.streams.connectionCount).toBe(1);
      const frame = Buffer.byteLength(good.events[1]!) + 8;
      expect(largest).toBeLessThanOrEqual(bound + frame);
      // The reader that keeps up got every change; the one cut off finds its socket closed.
      expect(good.events).toHaveLength(rounds + 1);
      stuck.resume();
      await closed;
    }, 60_000);

    it('shutdown does not wait for a stream reader that stopped reading', async () => {
      const { hub, write } = await stalledReaderRig(64 * 1024 * 1024);
      await write(() => hub.streams.bufferedBytes === 0);
      expect(hub.streams.bufferedBytes).toBeGreaterThan(0);
      const started = Date.now();
      await hub.close();
      expect(Date.now() - started).toBeLessThan(2000);
    }, 60_000);

    if (target.name === 'postgres')
      it('two hub instances on one database: a write through A reaches a stream on B within 1 s', async () => {
        const [a, b] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
        const otherDb = await ctx().database.openAnother();
        const hubB = await createHub({ database: otherDb, port: 0 });
        extraHubs.push(hubB);
        const urlB = await hubB.listen();
        const onB = await stream(a!.token, 'customers', urlB);
        await onB.event(0);
        const started = Date.now();
        await client(ctx().hub, b!).push('customers', [{ newDocumentState: customer('via-A') }]);
        const event = JSON.parse(await onB.event(1, 1000)) as StreamEvent;
        expect(Date.now() - started).toBeLessThan(1000);
        expect(event.documents.map((d) => d.id)).toEqual(['via-A']);
        // And the other way round, for the catalog.
        const onA = await stream(a!.token, 'products');
        await onA.event(0);
        await putHubDocuments(otherDb, CATALOG_SCOPE, products, [{ id: 'P-B', name: 'Written on B' }]);
        expect(JSON.parse(await onA.event(1, 1000))).toMatchObject({ documents: [{ id: 'P-B' }] });
      });
  });
}
