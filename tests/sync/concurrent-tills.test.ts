import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../sync-server/src/server';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { customer, ensureStore, eventually, startTillPeer, type TillPeer } from './till-peer';

// RxDB's free tier opens at most 13 collections per process: two tills, each writing and pulling.
const TILLS = 2;
const CUSTOMERS_EACH = 25;

/**
 * Several tills of one store writing at once while some push transactions commit late (held open
 * after their writes, the store's counter row with them), and every till pulling live: no till's
 * RxDB replication may move its checkpoint past a row that commits later.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`many tills of a store at once, with slow commits (${target.name})`, () => {
    let database: TestDatabase;
    let hub: Hub;
    let slow = 0;
    const peers: TillPeer[] = [];

    beforeAll(async () => {
      database = await target.open();
      hub = await createHub({
        database: database.db,
        port: 0,
        rateLimit: false,
        faults: {
          beforeCommit: async ({ collection, lastSeq }) => {
            if (collection !== 'customers' || lastSeq === null || lastSeq % 2 !== 0) return;
            slow++;
            await new Promise((r) => setTimeout(r, 120));
          },
        },
      });
      const hubUrl = await hub.listen();
      await ensureStore(
        database.db,
        'S001',
        Array.from({ length: TILLS }, (_, i) => `T0${i + 1}`),
      );
      for (let i = 0; i < TILLS; i++)
        peers.push(await startTillPeer({ hubUrl, hubDb: database.db, storeId: 'S001', tillId: `T0${i + 1}` }));
      for (const peer of peers) await peer.startReplication();
    });
    afterAll(async () => {
      for (const peer of peers) await peer.close();
      await hub?.close();
      await database?.close();
    });

    it('every till ends with every customer, each written once at the hub', async () => {
      await Promise.all(
        peers.map(async (peer, w) => {
          for (let i = 0; i < CUSTOMERS_EACH; i++) {
            await peer.docs.customers.insert(
              customer(`c-${w}-${i}`, { firstName: `W${w}`, lastName: `Client ${i}` }, '2026-11-22T10:00:00.000Z'),
            );
            // Tills write at their own pace: pushes of one till interleave with the others'.
            await new Promise((r) => setTimeout(r, 5 + ((w * 7 + i * 3) % 20)));
          }
        }),
      );
      const total = TILLS * CUSTOMERS_EACH;
      for (const peer of peers)
        await eventually(
          () => peer.docs.customers.count().exec(),
          (n) => n === total,
          30_000,
        );
      expect(slow).toBeGreaterThan(0);
      const [{ n, seqs }] = (await database.db.query<{ n: number; seqs: number }>(
        "SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs FROM store_docs WHERE store_id = 'S001' AND collection = 'customers'",
      )) as [{ n: number; seqs: number }];
      expect([n, seqs]).toEqual([total, total]);
      const [{ conflicts }] = (await database.db.query<{ conflicts: number }>(
        "SELECT count(*)::int AS conflicts FROM incidents WHERE kind = 'conflict'",
      )) as [{ conflicts: number }];
      expect(conflicts).toBe(0);
    });
  });
}
