import { demoProduct, type PullResponse } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../sync-server/src/demo/seed-demo-store';
import { createHub, type Hub } from '../../sync-server/src/server';
import { adminHeaders, headOffice } from '../../sync-server/src/test-support/head-office';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

const pate = demoProduct(100);

/** Two stores, one unit left in the chain, both sell it while offline from each other. */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the last unit sold by two stores (${target.name})`, () => {
    let database: TestDatabase;
    let hub: Hub;
    const peers: TillPeer[] = [];

    beforeAll(async () => {
      database = await target.open();
      await seedDemoStore(database.db);
      hub = await createHub({ database: database.db, port: 0 });
      const hubUrl = await hub.listen();
      peers.push(await startTillPeer({ hubUrl, hubDb: database.db, storeId: 'S001', tillId: 'T01' }));
      peers.push(await startTillPeer({ hubUrl, hubDb: database.db, storeId: 'S002', tillId: 'T01' }));
    });
    afterAll(async () => {
      for (const peer of peers) await peer.close();
      await hub?.close();
      await database?.close();
    });

    it('accepts both sales; the store that had no unit goes to −1 and is listed for head office; each till sees its own store', async () => {
      const office = headOffice(hub, await adminHeaders(database.db));
      expect((await office.movements('S001', [{ movementId: 'DEL-1', productId: pate.id, kind: 'receipt', quantity: 1 }])).status).toBe(
        200,
      );
      const [lyon, paris] = peers as [TillPeer, TillPeer];
      await lyon.sell([100]);
      await paris.sell([100]);
      await Promise.all([lyon.startReplication(), paris.startReplication()]);
      const sales = async () =>
        Number((await database.db.query<{ n: number }>("SELECT count(*)::int AS n FROM store_docs WHERE collection = 'sales'"))[0]?.n ?? 0);
      await eventually(sales, (n) => n === 2);
      await hub.catchUp();

      const levels = await database.db.query<{ store_id: string; level: number }>(
        'SELECT store_id, level FROM stock_levels WHERE product_id = $1 ORDER BY store_id',
        [pate.id],
      );
      expect(levels).toEqual([
        { store_id: 'S001', level: 0 },
        { store_id: 'S002', level: -1 },
      ]);
      expect((await office.exceptions()).body.exceptions).toEqual([
        expect.objectContaining({ storeId: 'S002', productId: pate.id, level: -1 }),
      ]);
      const pulled = async (peer: TillPeer) =>
        (
          (await peer.bridge.invoke('sync.pull', { collection: 'stock_levels', checkpoint: null, limit: 100 })) as PullResponse
        ).documents.map((d) => [d.id, d.level]);
      expect(await pulled(lyon)).toEqual([[pate.id, 0]]);
      expect(await pulled(paris)).toEqual([[pate.id, -1]]);
    });
  });
}
