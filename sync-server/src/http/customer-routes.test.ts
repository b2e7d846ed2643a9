import { describe, expect, it } from 'vitest';
import { revokeTill } from '../auth/revoke-till';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const TILL = '/api/v1/till/customers';
const ADMIN = '/api/v1/admin/customers';

const marie = {
  firstName: 'Marie',
  lastName: 'Durand',
  email: 'Marie.Durand@Exemple.fr',
  phone: '06 12 34 56 78',
  postalCode: '75011',
  cardNumber: 'LOY-0042-7781',
  consents: { email: { given: true, at: '2026-12-01T10:00:00.000Z' } },
};

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`chain customers on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    const till = (device: Device) => {
      const call = async (method: 'GET' | 'PUT', url: string, payload?: unknown) => {
        const res = await ctx().hub.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${device.token}` },
          ...(payload === undefined ? {} : { payload: payload as string }),
        });
        return { status: res.statusCode, body: res.json() as Record<string, unknown> & { customers?: { id: string }[] } };
      };
      return {
        put: (id: string, body: unknown) => call('PUT', `${TILL}/${id}`, body),
        get: (id: string) => call('GET', `${TILL}/${id}`),
        search: (q: string) => call('GET', `${TILL}?q=${encodeURIComponent(q)}`),
      };
    };
    const ids = (answer: { body: { customers?: { id: string }[] } }) => answer.body.customers?.map((c) => c.id);
    const admin = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));

    it('a till creates a customer once, even sent twice, and tills of every store find her by each key', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const [b] = await enrolledTills(ctx().db, 'S2', ['T1']);
      const created = await till(a!).put('cus-1', marie);
      expect(created).toMatchObject({
        status: 201,
        body: {
          customer: {
            id: 'cus-1',
            lastName: 'Durand',
            version: 1,
            createdStore: 'S1',
            consents: { email: { given: true, at: '2026-12-01T10:00:00.000Z', channel: 'S1' } },
          },
          likelyDuplicates: [],
        },
      });
      // The same body again (a creation made offline and retried): the same customer, unchanged.
      expect(await till(a!).put('cus-1', marie)).toMatchObject({ status: 200, body: { customer: { id: 'cus-1', version: 1 } } });
      expect((await ctx().db.query('SELECT count(*)::int AS n FROM chain_customers'))[0]).toEqual({ n: 1 });
      // Another store's till: chain-wide.
      const other = till(b!);
      for (const q of [
        '0612345678',
        '+33 6 12 34 56 78',
        'MARIE.durand@exemple.fr',
        'loy-0042-7781',
        'Durand',
        'dur',
        'durand ma',
        'DURÀND',
      ])
        expect(ids(await other.search(q)), q).toEqual(['cus-1']);
      expect(ids(await other.search('durand z'))).toEqual([]);
      expect(ids(await other.search('dupont'))).toEqual([]);
      const [match] = (await other.search('durand')).body.customers!;
      expect(match).toEqual({
        id: 'cus-1',
        firstName: 'Marie',
        lastName: 'Durand',
        postalCode: '75011',
        phoneEnd: '5678',
        emailHint: 'm•••@exemple.fr',
        cardEnd: '7781',
      });
      expect(await other.get('cus-1')).toMatchObject({ status: 200, body: { email: 'Marie.Durand@Exemple.fr', phone: '06 12 34 56 78' } });
      expect(await other.get('cus-none')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });

    it('one creation sent by several tills at once is one customer', async () => {
      const tills = await enrolledTills(ctx().db, 'S1', ['T1', 'T2', 'T3']);
      const answers = await Promise.all([...tills, ...tills].map((device) => till(device).put('cus-race', marie)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toHaveProperty('size', 1);
      expect((await ctx().db.query("SELECT count(*)::int AS n FROM chain_customers WHERE id = 'cus-race'"))[0]).toEqual({ n: 1 });
    });

    it('finds a name prefix in order, at most 20, never from a revoked till', async () => {
      const [a, revoked] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      for (let i = 0; i < 25; i += 1)
        expect(
          (
            await till(a!).put(`c-${String(i).padStart(2, '0')}`, {
              lastName: i % 2 ? 'Martin' : 'Martinez',
              firstName: i < 10 ? 'Anne' : 'Paul',
            })
          ).status,
        ).toBe(201);
      const found = await till(a!).search('martin');
      expect(found.body.customers).toHaveLength(20);
      expect(found.body.customers![0]).toMatchObject({ lastName: 'Martin' });
      expect(ids(await till(a!).search('martinez pa'))).toEqual(['c-10', 'c-12', 'c-14', 'c-16', 'c-18', 'c-20', 'c-22', 'c-24']);
      await revokeTill(ctx().db, { storeId: 'S1', tillId: 'T2' });
      expect((await till(revoked!).search('martin')).status).toBe(401);
      expect((await till(revoked!).put('c-x', { lastName: 'X' })).status).toBe(401);
      expect((await ctx().hub.app.inject({ method: 'GET', url: `${TILL}?q=martin` })).statusCode).toBe(401);
    });

    it('a change needs the version read: a stale one is 409 with the current customer; a retried change is no conflict', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      await till(a!).put('cus-1', marie);
      const changed = { ...marie, postalCode: '69001', expectedVersion: 1 };
      expect(await till(a!).put('cus-1', changed)).toMatchObject({ status: 200, body: { customer: { postalCode: '69001', version: 2 } } });
      expect(await till(a!).put('cus-1', changed)).toMatchObject({ status: 200, body: { customer: { version: 2 } } });
      expect(await till(a!).put('cus-1', { ...marie, postalCode: '13001', expectedVersion: 1 })).toMatchObject({
        status: 409,
        body: { error: 'version_conflict', currentVersion: 2, current: { id: 'cus-1', postalCode: '69001', version: 2 } },
      });
      // Without a version, another body for a stored id is a conflict too (never a silent overwrite).
      expect(await till(a!).put('cus-1', { lastName: 'Autre' })).toMatchObject({ status: 409, body: { error: 'version_conflict' } });
      // A withdrawn consent is recorded with its date and the till's store.
      const withdrawn = await till(a!).put('cus-1', {
        ...changed,
        expectedVersion: 2,
        consents: { email: { given: false, at: '2026-12-05T09:00:00Z' }, sms: { given: true, at: '2026-12-05T09:00:00Z' } },
      });
      expect(withdrawn.body).toMatchObject({
        customer: {
          version: 3,
          consents: {
            email: { given: false, at: '2026-12-05T09:00:00.000Z', channel: 'S1' },
            sms: { given: true, at: '2026-12-05T09:00:00.000Z', channel: 'S1' },
          },
        },
      });
    });

    it('refuses bad input with a coded 400, and a card number already held with 409', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      expect(await till(a!).put('c1', { lastName: 'X', phone: '12 34', email: 'nope' })).toMatchObject({
        status: 400,
        body: { error: 'invalid_customer', problems: [expect.stringMatching(/^email_format/), expect.stringMatching(/^phone_format/)] },
      });
      expect(await till(a!).put('c1', { lastName: 'X', consents: { email: { given: true, at: 'yesterday' } } })).toMatchObject({
        status: 400,
        body: { error: 'invalid_customer', problems: [expect.stringMatching(/^consent_date/)] },
      });
      // The store is the device's: one named in the body is not read.
      expect((await till(a!).put('c0', { lastName: 'X', storeId: 'S9' })).body).toMatchObject({ customer: { createdStore: 'S1' } });
      expect((await till(a!).put('c1', { lastName: '' })).status).toBe(400);
      expect((await till(a!).put('bad id!', { lastName: 'X' })).status).toBe(400);
      for (const [q, reason] of [
        ['d', 'customer_query_short'],
        ['dur%', 'customer_query_unreadable'],
        ['12 34', 'customer_query_unreadable'],
      ] as const)
        expect(await till(a!).search(q)).toMatchObject({ status: 400, body: { error: 'invalid_customer_query', reason } });
      expect((await till(a!).search('x'.repeat(101))).status).toBe(400);
      await till(a!).put('c1', { lastName: 'Un', cardNumber: 'CARD-0001' });
      expect(await till(a!).put('c2', { lastName: 'Deux', cardNumber: 'card-0001' })).toMatchObject({
        status: 409,
        body: { error: 'card_number_taken', customerId: 'c1' },
      });
    });

    it('finds duplicates by normalised phone, merges one into the other (idempotent, audited) and hides the merged one', async () => {
      const [a] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const [b] = await enrolledTills(ctx().db, 'S2', ['T1']);
      await till(a!).put('cus-a', { lastName: 'Durand', firstName: 'Marie', phone: '06 12 34 56 78', cardNumber: 'LOY-A1' });
      const second = await till(b!).put('cus-b', { lastName: 'Durand', phone: '+33612345678', email: 'marie@exemple.fr' });
      expect(second.body).toMatchObject({ likelyDuplicates: ['cus-a'] });
      await till(b!).put('cus-c', { lastName: 'Dupont', phone: '+33699999999' });
      const ho = await admin();
      expect(await ho.call('GET', `${ADMIN}/duplicates`)).toMatchObject({
        status: 200,
        body: { groups: [{ by: 'phone', value: '+33612345678', customers: [{ id: 'cus-a' }, { id: 'cus-b' }] }], next: null },
      });
      expect((await ho.call('GET', `${ADMIN}/duplicates?by=email`)).body).toEqual({ groups: [], next: null });

      const merged = await ho.call('POST', `${ADMIN}/cus-a/merge`, { into: 'cus-b' });
      expect(merged).toMatchObject({
        status: 200,
        body: {
          kept: { id: 'cus-b', firstName: 'Marie', email: 'marie@exemple.fr', cardNumber: 'LOY-A1', version: 2 },
          merged: { id: 'cus-a', mergedInto: 'cus-b' },
        },
      });
      expect((merged.body.merged as Record<string, unknown>).lastName).toBeUndefined();
      expect(await ho.call('POST', `${ADMIN}/cus-a/merge`, { into: 'cus-b' })).toEqual(merged);
      expect(await ho.call('POST', `${ADMIN}/cus-a/merge`, { into: 'cus-c' })).toMatchObject({
        status: 409,
        body: { error: 'customer_merged', mergedInto: 'cus-b' },
      });
      expect(await ho.call('POST', `${ADMIN}/cus-c/merge`, { into: 'cus-c' })).toMatchObject({
        status: 400,
        body: { error: 'invalid_customer' },
      });
      expect(await ho.call('POST', `${ADMIN}/cus-c/merge`, { into: 'cus-none' })).toMatchObject({ status: 404 });

      // Searching never returns the merged customer; the old card and the old id lead to the one kept.
      expect(ids(await till(a!).search('0612345678'))).toEqual(['cus-b']);
      expect(ids(await till(a!).search('durand'))).toEqual(['cus-b']);
      expect(ids(await till(a!).search('LOY-A1'))).toEqual(['cus-b']);
      expect(await till(a!).get('cus-a')).toMatchObject({ status: 200, body: { id: 'cus-b' } });
      expect(await till(a!).put('cus-a', { lastName: 'Durand' })).toMatchObject({
        status: 409,
        body: { error: 'customer_merged', mergedInto: 'cus-b' },
      });
      expect(await ho.call('GET', `${ADMIN}/cus-a`)).toMatchObject({ status: 200, body: { id: 'cus-a', mergedInto: 'cus-b' } });
      expect((await ho.call('GET', `${ADMIN}/duplicates`)).body).toEqual({ groups: [], next: null });
      const audit = await ctx().db.query<{ action: string; target: string; before: { id: string; mergedInto?: string } }>(
        "SELECT action, target, before FROM audit_log WHERE action LIKE '%customers%' ORDER BY id",
      );
      // Who merged what, with the customer as they were before: the first time live, the second already merged.
      expect(audit).toMatchObject([
        { action: 'POST /api/v1/admin/customers/:id/merge', target: `${ADMIN}/cus-a/merge`, before: { id: 'cus-a', lastName: 'Durand' } },
        { action: 'POST /api/v1/admin/customers/:id/merge', target: `${ADMIN}/cus-a/merge`, before: { id: 'cus-a', mergedInto: 'cus-b' } },
      ]);
    });

    it('two opposite merges at once: one wins, the other is refused, and one customer stays', async () => {
      const ho = await admin();
      await ho.call('PUT', `${ADMIN}/m1`, { lastName: 'Durand', phone: '0612345678' });
      await ho.call('PUT', `${ADMIN}/m2`, { lastName: 'Durand', phone: '+33612345678' });
      const [one, two] = await Promise.all([
        ho.call('POST', `${ADMIN}/m1/merge`, { into: 'm2' }),
        ho.call('POST', `${ADMIN}/m2/merge`, { into: 'm1' }),
      ]);
      expect([one.status, two.status].sort()).toEqual([200, 409]);
      expect((one.status === 409 ? one : two).body).toMatchObject({ error: 'customer_merged' });
      const live = await ctx().db.query<{ id: string }>('SELECT id FROM chain_customers WHERE merged_into IS NULL');
      expect(live).toHaveLength(1);
    });

    it('publishes the routes in the OpenAPI document, the till’s under its device token', async () => {
      type Operation = { security?: unknown[]; responses: Record<string, unknown> };
      const doc = (await ctx().hub.app.inject('/openapi.json')).json<{ paths: Record<string, Record<string, Operation>> }>();
      expect(doc.paths['/api/v1/till/customers']!.get!.security).toEqual([{ deviceToken: [] }]);
      expect(Object.keys(doc.paths['/api/v1/till/customers/{id}']!.put!.responses)).toEqual(
        expect.arrayContaining(['200', '201', '400', '409']),
      );
      expect(doc.paths['/api/v1/admin/customers/{id}/merge']!.post!.security).toEqual([{ adminToken: [] }]);
      expect(doc.paths['/api/v1/admin/customers/duplicates']!.get).toBeDefined();
    });

    it('head office lists and searches a page at a time, and edits with the version it read', async () => {
      const ho = await admin();
      for (const id of ['k1', 'k2', 'k3'])
        expect(
          (
            await ho.call('PUT', `${ADMIN}/${id}`, {
              lastName: `Nom ${id}`,
              consents: { sms: { given: true, at: '2026-12-01T00:00:00Z' } },
            })
          ).status,
        ).toBe(201);
      const first = await ho.call('GET', `${ADMIN}?limit=2`);
      expect(first.body).toMatchObject({ customers: [{ id: 'k1', consents: { sms: { channel: 'web' } } }, { id: 'k2' }] });
      expect(first.body.next).toEqual(expect.any(String));
      expect((await ho.call('GET', `${ADMIN}?limit=2&after=${first.body.next as string}`)).body).toMatchObject({
        customers: [{ id: 'k3' }],
        next: null,
      });
      const named = await ho.call('GET', `${ADMIN}?q=nom&limit=2`);
      expect(named.body).toMatchObject({ customers: [{ id: 'k1' }, { id: 'k2' }] });
      expect((await ho.call('GET', `${ADMIN}?q=nom&limit=2&after=${named.body.next as string}`)).body).toMatchObject({
        customers: [{ id: 'k3' }],
        next: null,
      });
      expect((await ho.call('GET', `${ADMIN}?after=forged`)).body).toMatchObject({ error: 'invalid_cursor' });
      expect(await ho.call('PUT', `${ADMIN}/k1`, { lastName: 'Nouveau', expectedVersion: 1 })).toMatchObject({
        status: 200,
        body: { customer: { lastName: 'Nouveau', version: 2 } },
      });
      expect(await ho.call('PUT', `${ADMIN}/k9`, { lastName: 'X', expectedVersion: 3 })).toMatchObject({ status: 404 });
      expect(
        (await ctx().db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'PUT /api/v1/admin/customers/:id'"))[0],
      ).toEqual({ n: 4 });
    });
  });
}
