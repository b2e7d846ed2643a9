import { afterEach, describe, expect, it } from 'vitest';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

/**
 * The till's real replication code against the real hub, through a proxy that cuts the network
 * where it hurts, on PGlite and on PostgreSQL.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`till ⇄ hub replication (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];

    const hubCount = async (collection: string, storeId = 'S001') =>
      Number(
        (
          await env().database.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM store_docs WHERE store_id = $1 AND collection = $2`,
            [storeId, collection],
          )
        )[0]?.n ?? 0,
      );

    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      env().proxy.setPlan({ kind: 'pass' });
      await env().database.truncate();
    });

    const till = async (tillId = 'T01', storeId = 'S001') => {
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId, tillId });
      peers.push(peer);
      return peer;
    };

    it('pushes every sale exactly once, even when the reply to a push is lost', async () => {
      const peer = await till();
      for (let i = 0; i < 5; i++) await peer.sell();
      // The hub writes the batch, then the reply is cut: the till must retry, and nothing doubles.
      env().proxy.setPlan({ kind: 'cut-response', afterBytes: 20 }, 3);
      await peer.startReplication();
      await eventually(
        () => hubCount('sales'),
        (n) => n === 5,
      );
      await eventually(
        async () => (await env().database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents`))[0]?.n ?? 0,
        (n) => n === 0,
      );
      await peer.sell();
      await eventually(
        () => hubCount('sales'),
        (n) => n === 6,
      );
      expect(env().proxy.cuts).toBeGreaterThan(0);
    });

    it('catches up in full pages after a week offline', async () => {
      const peer = await till();
      env().proxy.setPlan({ kind: 'refuse' });
      await peer.startReplication();
      for (let i = 0; i < 300; i++) await peer.sell([100 + (i % 50)]);
      expect(await hubCount('sales')).toBe(0);
      env().proxy.setPlan({ kind: 'pass' });
      await eventually(
        () => hubCount('sales'),
        (n) => n === 300,
        60_000,
      );
      const tillRecords = await peer.docs.till_records.count().exec();
      await eventually(
        () => hubCount('till_records'),
        (n) => n === tillRecords,
        30_000,
      );
    });

    it('keeps stores apart: a till never pushes into, nor pulls from, another store', async () => {
      const a = await till('T01', 'S001');
      const b = await till('T01', 'S002');
      await a.sell();
      await b.sell();
      await a.startReplication();
      await b.startReplication();
      await eventually(
        () => hubCount('sales', 'S001'),
        (n) => n === 1,
      );
      await eventually(
        () => hubCount('sales', 'S002'),
        (n) => n === 1,
      );
      const foreign = {
        id: 'forged',
        _deleted: false,
        storeId: 'S002',
        tillId: 'T01',
        seq: 1,
        completedAt: 'x',
        total: 1,
        staffId: 'x',
        record: {},
      };
      const response = await a.bridge.invoke('sync.push', { collection: 'sales', rows: [{ newDocumentState: foreign }] });
      expect(response.errors).toHaveLength(1);
      expect(response.conflicts).toEqual([]);
      expect(await hubCount('sales', 'S002')).toBe(1);
    });
  });
}
