import type { CustomerSaved, CustomerSearchAnswer } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { eventually, startTillPeer, type TillPeer } from './till-peer';

/**
 * The chain's customers through the till's online path: the real till host relays to the real
 * hub (through the fault proxy that cuts the network), on PGlite and PostgreSQL.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`customers at the counter, online and offline (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    const peers: TillPeer[] = [];

    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      env().proxy.setPlan({ kind: 'pass' });
      await env().database.truncate();
    });

    const till = async (storeId: string) => {
      const peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId, tillId: 'T01' });
      peers.push(peer);
      return peer;
    };
    const stored = async () =>
      (
        await env().database.db.query<{ id: string; created_store: string | null }>(
          `SELECT id, created_store FROM chain_customers ORDER BY id`,
        )
      ).map((r) => `${r.id}@${r.created_store ?? ''}`);

    it('a customer created in store A is found from store B’s till, chain-wide', async () => {
      const a = await till('S001');
      const b = await till('S002');
      const saved = (await a.bridge.invoke('customers.create', {
        id: 'cust-a-1',
        customer: {
          lastName: 'Durand',
          firstName: 'Marie',
          phone: '06 12 34 56 78',
          consents: { sms: { given: true, at: '2026-12-07T09:00:00Z' } },
        },
      })) as CustomerSaved;
      expect(saved).toEqual({ state: 'saved', id: 'cust-a-1', likelyDuplicates: [] });
      const found = (await b.bridge.invoke('customers.search', { query: '+33 6 12 34 56 78' })) as CustomerSearchAnswer;
      expect(found.customers).toEqual([expect.objectContaining({ id: 'cust-a-1', lastName: 'Durand', phoneEnd: '5678' })]);
      expect(await stored()).toEqual(['cust-a-1@S001']);

      // Found online, kept by B's till: with the network cut, the same phone still finds her there.
      env().proxy.setPlan({ kind: 'refuse' });
      expect(await b.bridge.invoke('customers.search', { query: '06 12 34 56 78' })).toEqual({
        customers: [expect.objectContaining({ id: 'cust-a-1', lastName: 'Durand', phoneEnd: '5678' })],
        source: 'local',
      });
    });

    it('offline, a new customer is kept by the host and reaches the hub once, when it answers again', async () => {
      const a = await till('S001');
      env().proxy.setPlan({ kind: 'refuse' });
      const queued = (await a.bridge.invoke('customers.create', { id: 'cust-off-1', customer: { lastName: 'Martin' } })) as CustomerSaved;
      expect(queued).toEqual({ state: 'queued', id: 'cust-off-1', waiting: 1 });
      // Offline, the till finds her among the customers of its store it keeps, and says the list is local.
      expect(await a.bridge.invoke('customers.search', { query: 'Martin' })).toEqual({
        customers: [{ id: 'cust-off-1', lastName: 'Martin' }],
        source: 'local',
      });
      expect(await stored()).toEqual([]);

      env().proxy.setPlan({ kind: 'pass' });
      // The next creation sends the waiting one first; the hub holds both, once each.
      const next = (await a.bridge.invoke('customers.create', { id: 'cust-on-2', customer: { lastName: 'Petit' } })) as CustomerSaved;
      expect(next.state).toBe('saved');
      await eventually(stored, (ids) => ids.length === 2);
      expect(await stored()).toEqual(['cust-off-1@S001', 'cust-on-2@S001']);
    });

    it('refuses what is not a customer before it leaves the till, in words the page translates', async () => {
      const a = await till('S001');
      await expect(a.bridge.invoke('customers.create', { id: '../etc', customer: { lastName: 'X' } })).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
      await expect(a.bridge.invoke('customers.create', { id: 'c-9', customer: { lastName: ' ' } })).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
      await expect(
        a.bridge.invoke('customers.create', { id: 'c-9', customer: { lastName: 'Y', email: 'x'.repeat(300) } }),
      ).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
      // The hub refuses what only it can judge (an e-mail that is not one), with its code.
      await expect(
        a.bridge.invoke('customers.create', { id: 'c-9', customer: { lastName: 'Y', email: 'not an e-mail' } }),
      ).rejects.toMatchObject({
        code: 'HUB_REFUSED',
        details: { hubCode: 'invalid_customer' },
      });
    });
  });
}
