import { afterEach, describe, expect, it } from 'vitest';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useSyncStore } from '../../renderer/src/state/sync-store';
import { useHubBehindProxy } from './hub-behind-proxy';
import { customer, eventually, startTillPeer, type TillPeer } from './till-peer';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`conflicts, clocks and live streams (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];

    const hubRows = (sql: string, params: unknown[] = []) => env().database.db.query<Record<string, unknown>>(sql, params);

    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      env().proxy.setPlan({ kind: 'pass' });
      useSyncStore.setState({ issues: [] });
      await env().database.truncate();
    });

    const till = async (tillId = 'T01') => {
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId: 'S001', tillId });
      peers.push(peer);
      return peer;
    };

    it('keeps the original when the same sale id comes back with other content, and flags it', async () => {
      const peer = await till();
      const record = await peer.sell();
      await peer.startReplication();
      await eventually(
        async () => (await hubRows(`SELECT id FROM store_docs WHERE collection = 'sales'`)).length,
        (n) => n === 1,
      );
      const forged = { ...(await peer.docs.sales.findOne(record.id).exec())!.toJSON(), total: 1, _deleted: false };
      const response = await peer.bridge.invoke('sync.push', { collection: 'sales', rows: [{ newDocumentState: forged as never }] });
      expect(response.conflicts).toHaveLength(1);
      expect(response.conflicts[0]).toMatchObject({ id: record.id, total: record.payload.total });
      const incidents = await hubRows(`SELECT kind, doc_id FROM incidents`);
      expect(incidents).toEqual([{ kind: 'conflict', doc_id: record.id }]);
    });

    it('accepts sales and customers whatever the till clock says: checkpoints are sequences, not times', async () => {
      const a = await till('T01');
      const b = await till('T02');
      await a.startReplication();
      await b.startReplication();
      const hoursAhead = await a.sell([100], '2026-11-23T05:00:00.000Z');
      const wentBack = await a.sell([101], '2026-11-19T08:00:00.000Z');
      const rows = await eventually(
        async () => hubRows(`SELECT id, seq FROM store_docs WHERE collection = 'sales' ORDER BY seq`),
        (r) => r.length === 2,
      );
      expect(rows.map((r) => r.id)).toEqual([hoursAhead.id, wentBack.id]);
      // A customer written by a till whose clock is years behind still reaches the other till.
      await a.docs.customers.insert(customer('c-old-clock', { firstName: 'Ida' }, '2019-01-01T00:00:00.000Z'));
      await eventually(
        async () => (await b.docs.customers.findOne('c-old-clock').exec())?.firstName,
        (v) => v === 'Ida',
      );
    });

    it('merges customers field by field between two tills, a clock hours ahead changing nothing it did not touch', async () => {
      const a = await till('T01');
      const b = await till('T02');
      await a.startReplication();
      await b.startReplication();
      await a.docs.customers.insert(customer('c1', { firstName: 'Ana', phone: '0600000001' }, '2026-11-22T10:00:00.000Z'));
      await eventually(
        async () => (await b.docs.customers.findOne('c1').exec())?.firstName,
        (v) => v === 'Ana',
      );
      // Till B's clock is a day ahead; it only changes the phone. Till A changes the first name.
      const onB = (await b.docs.customers.findOne('c1').exec())!;
      await onB.incrementalPatch({ phone: '0699999999', fieldTimes: { ...onB.fieldTimes, phone: '2026-11-23T10:00:00.000Z' } });
      const onA = (await a.docs.customers.findOne('c1').exec())!;
      await onA.incrementalPatch({ firstName: 'Anna', fieldTimes: { ...onA.fieldTimes, firstName: '2026-11-22T10:05:00.000Z' } });
      for (const peer of [a, b]) {
        await eventually(
          async () => {
            const doc = await peer.docs.customers.findOne('c1').exec();
            return `${doc?.firstName}/${doc?.phone}`;
          },
          (v) => v === 'Anna/0699999999',
        );
      }
    });

    it('misses nothing when the live stream drops: RESYNC on reconnect', async () => {
      const a = await till('T01');
      const b = await till('T02');
      await a.startReplication();
      await b.startReplication();
      await a.docs.customers.insert(customer('c2', { firstName: 'Léa' }, '2026-11-22T10:00:00.000Z'));
      await eventually(
        async () => (await b.docs.customers.findOne('c2').exec())?.firstName,
        (v) => v === 'Léa',
      );
      env().proxy.cutAll();
      await a.docs.customers.insert(customer('c3', { firstName: 'Noé' }, '2026-11-22T10:01:00.000Z'));
      await eventually(
        async () => (await b.docs.customers.findOne('c3').exec())?.firstName,
        (v) => v === 'Noé',
        30_000,
      );
    });

    it('writes the good documents of a batch, quarantines the bad one and says why', async () => {
      const peer = await till();
      await peer.startReplication();
      await peer.docs.customers.bulkInsert([
        customer('good-1', { firstName: 'Ana' }, '2026-11-22T10:00:00.000Z'),
        { ...customer('bad', { firstName: 'Bob' }, '2026-11-22T10:00:00.000Z'), storeId: 'S999' },
        customer('good-2', { firstName: 'Eva' }, '2026-11-22T10:00:00.000Z'),
      ]);
      await eventually(
        async () => (await hubRows(`SELECT id FROM store_docs WHERE collection = 'customers' ORDER BY id`)).map((r) => r.id),
        (ids) => ids.length === 2,
      );
      expect((await hubRows(`SELECT doc_id FROM quarantine`)).map((r) => r.doc_id)).toEqual(['bad']);
      await eventually(
        async () =>
          useSyncStore
            .getState()
            // Said by a translation key naming the refused document, not as English text.
            .issues.map((i) => JSON.stringify(i.message))
            .join('\n'),
        (text) => /"key":"sync\.[^"]*".*"bad"/.test(text),
      );
    });
  });
}
