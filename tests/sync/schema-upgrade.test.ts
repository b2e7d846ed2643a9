import { SYNC_COLLECTIONS } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../sync-server/src/server';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

/**
 * A hub that moved on: it needs a newer sales schema than the till sends. Today's hub still takes
 * every sales schema up to its own (1, since sale documents of version 1), so its minimum is raised
 * the way a future release will raise it.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`an old till and a newer hub (${target.name})`, () => {
    let database: TestDatabase;
    let hub: Hub;
    let peer: TillPeer;
    const sales = SYNC_COLLECTIONS.find((c) => c.name === 'sales')! as { minSchemaVersion: number; schemaVersion: number };
    const saved = { ...sales };
    const hubSales = async () =>
      Number(
        (
          await database.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM store_docs WHERE store_id = 'S001' AND collection = 'sales'",
          )
        )[0]?.n ?? 0,
      );

    beforeAll(async () => {
      database = await target.open();
      hub = await createHub({ database: database.db, port: 0 });
      peer = await startTillPeer({ hubUrl: await hub.listen(), hubDb: database.db, storeId: 'S001', tillId: 'T01' });
    });
    afterAll(async () => {
      Object.assign(sales, saved);
      await peer?.close();
      await hub?.close();
      await database?.close();
    });

    it('gets 426 with words the manager can act on, keeps selling, and keeps every sale it could not send', async () => {
      sales.minSchemaVersion = 1;
      sales.schemaVersion = 0;
      await peer.sell();
      await peer.sell([300]);
      await peer.startReplication();
      const status = await eventually(
        () => peer.bridge.invoke('hub.status'),
        (s) => s.lastError !== null,
      );
      expect(status.lastError).toMatch(/too old for the hub.*Update the till/s);
      // The hub still answers the rest (the till is online), it refuses only the old schema.
      expect(status.online).toBe(true);
      await peer.sell([205]);
      expect(await hubSales()).toBe(0);
      expect(await peer.docs.sales.count().exec()).toBe(3);
      await peer.stopReplication();
    });

    it('after the update, sends what it kept, each sale once', async () => {
      // The till and the hub share core's table: the till is now as new as the hub, version 1.
      sales.schemaVersion = 1;
      await peer.startReplication();
      await eventually(hubSales, (n) => n === 3);
      await peer.sell();
      await eventually(hubSales, (n) => n === 4);
      const [{ n }] = (await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents')) as [{ n: number }];
      expect(n).toBe(0);
    });
  });
}
