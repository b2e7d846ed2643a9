import type { CustomerSaved, CustomerSearchAnswer } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { adminHeaders, headOffice } from '../../sync-server/src/test-support/head-office';
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

    it('one person created offline in store A and online in store B: one group of likely duplicates, merged, then found as one everywhere', async () => {
      const a = await till('S001');
      const b = await till('S002');
      env().proxy.setPlan({ kind: 'refuse' });
      const offline = (await a.bridge.invoke('customers.create', {
        id: 'cust-a-off',
        customer: { lastName: 'Lefèvre', firstName: 'Anaïs', phone: '06 11 22 33 44' },
      })) as CustomerSaved;
      expect(offline.state).toBe('queued');
      env().proxy.setPlan({ kind: 'pass' });
      const online = (await b.bridge.invoke('customers.create', {
        id: 'cust-b-on',
        customer: { lastName: 'Lefevre', email: 'anais@exemple.fr', phone: '+33 6 11 22 33 44' },
      })) as CustomerSaved;
      expect(online).toMatchObject({ state: 'saved' });
      // A's customer arrives with A's next creation (or the next status change): once, and now a likely duplicate.
      await a.bridge.invoke('customers.create', { id: 'cust-a-2', customer: { lastName: 'Petit' } });
      await eventually(stored, (ids) => ids.length === 3);
      const office = headOffice(env().hub, await adminHeaders(env().database.db));
      expect((await office.call('GET', '/api/v1/admin/customers/duplicates')).body).toMatchObject({
        groups: [{ by: 'phone', value: '+33611223344', customers: [{ id: 'cust-a-off' }, { id: 'cust-b-on' }] }],
      });
      expect((await office.call('POST', '/api/v1/admin/customers/cust-b-on/merge', { into: 'cust-a-off' })).status).toBe(200);
      // Every till finds one person, the one kept, with what the other brought (the e-mail).
      for (const peer of [a, b])
        expect(await peer.bridge.invoke('customers.search', { query: 'anais@exemple.fr' })).toEqual({
          customers: [expect.objectContaining({ id: 'cust-a-off', firstName: 'Anaïs', emailHint: 'a•••@exemple.fr' })],
          source: 'hub',
        });
      // The old id still reads her history (the one kept), at any till.
      expect(await b.bridge.invoke('customers.history', { customerId: 'cust-b-on' })).toEqual({ purchases: [], next: null });
      expect((await office.call('GET', '/api/v1/admin/customers/duplicates')).body).toEqual({ groups: [], next: null });
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
