import { scryptSync } from 'node:crypto';
import { parsePinHash, PIN_HASH_PARAMS, type StaffRoster } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { collect } from '../test-support/output-collector';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub } from '../test-support/test-hub';

/** Whether `pin` is the one hashed, as a till checks it. */
function matches(pin: string, stored: string): boolean {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const { N, r, p, keylen } = PIN_HASH_PARAMS;
  return scryptSync(pin, Buffer.from(parsed.salt, 'base64url'), keylen, { N, r, p }).toString('base64url') === parsed.key;
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a store’s staff at the hub on ${target.name}`, () => {
    const log = collect();
    const ctx = useTestHub(target, { rateLimit: false, logger: { level: 'trace', stream: log.stream } });
    const admin = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));
    const roster = async (token: string | null) => {
      const res = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/till/staff',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: res.statusCode, body: res.json<StaffRoster & { error?: string }>() };
    };

    it('adds Julie with a PIN the hub keeps only hashed, never logs, and her store’s till pulls', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const ho = await admin();
      const added = await ho.call('POST', '/api/v1/admin/stores/S1/staff', {
        displayName: ' Julie ',
        role: 'cashier',
        pin: '4826',
        badgeCode: 'B-0042',
      });
      expect(added).toMatchObject({
        status: 201,
        body: { displayName: 'Julie', role: 'cashier', badgeCode: 'B-0042', disabled: false, version: 1 },
      });
      const staffId = added.body.staffId as string;
      expect(staffId).toMatch(/^staff-[0-9a-f-]{36}$/);
      const listed = await ho.call('GET', '/api/v1/admin/stores/S1/staff');
      expect(listed.body.staff).toEqual([added.body]);
      expect(JSON.stringify(listed.body)).not.toMatch(/4826|scrypt/);

      const pulled = await roster(till!.token);
      expect(pulled.status).toBe(200);
      expect(pulled.body.staff).toEqual([
        {
          id: staffId,
          displayName: 'Julie',
          role: 'cashier',
          badgeCode: 'B-0042',
          pinHash: expect.stringMatching(/^scrypt\$/),
          disabled: false,
          version: 1,
        },
      ]);
      expect(matches('4826', pulled.body.staff[0]!.pinHash)).toBe(true);
      expect(matches('4827', pulled.body.staff[0]!.pinHash)).toBe(false);

      // A new PIN: a new hash (new salt), the old PIN no longer matches.
      expect(await ho.call('PUT', `/api/v1/admin/stores/S1/staff/${staffId}/pin`, { pin: '7391' })).toMatchObject({
        status: 200,
        body: { version: 2 },
      });
      const [again] = (await roster(till!.token)).body.staff;
      expect([matches('7391', again!.pinHash), matches('4826', again!.pinHash)]).toEqual([true, false]);

      const everything = JSON.stringify(await ctx().db.query('SELECT * FROM staff'));
      expect(everything).not.toMatch(/4826|7391/);
      expect(log.text()).toContain('/api/v1/admin/stores/S1/staff');
      expect(log.text()).not.toMatch(/4826|7391/);
    });

    it('exports the staff as CSV in English: a badge as yes or no, never its code', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const ho = await admin();
      await ho.call('POST', '/api/v1/admin/stores/S1/staff', { displayName: '=Zoé', role: 'manager', pin: '4826', badgeCode: 'B-0042' });
      const csv = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/staff?format=csv&lang=en',
        headers: await adminHeaders(ctx().db),
      });
      expect(csv.headers).toMatchObject({ 'x-total-rows': '1', 'content-type': 'text/csv; charset=utf-8' });
      expect(csv.body).not.toContain('B-0042');
      expect(csv.body.split('\r\n')).toEqual([
        '\uFEFFName,Role,Badge,Status,Staff id,Changed at (UTC)',
        expect.stringMatching(/^'=Zoé,Manager,Yes,Active,staff-[0-9a-f-]+,\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
        '',
      ]);
    });

    it('refuses bad input with a stable code: guessable PIN, unknown role, badge twice, unknown store or person', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const ho = await admin();
      const add = (body: unknown, store = 'S1') => ho.call('POST', `/api/v1/admin/stores/${store}/staff`, body);
      expect(await add({ displayName: 'Léa', role: 'cashier', pin: '1234' })).toMatchObject({
        status: 422,
        body: { error: 'invalid_staff', problems: [{ field: 'pin', code: 'pin_guessable' }] },
      });
      expect((await add({ displayName: 'Léa', role: 'boss', pin: '4826' })).status).toBe(400);
      expect((await add({ displayName: 'Léa', role: 'cashier', pin: '48a6' })).status).toBe(400);
      expect((await add({ displayName: 'x'.repeat(61), role: 'cashier', pin: '4826' })).status).toBe(400);
      expect(await add({ displayName: 'Léa', role: 'cashier', pin: '4826' }, 'S9')).toMatchObject({
        status: 404,
        body: { error: 'not_found' },
      });
      expect((await add({ displayName: 'Léa', role: 'cashier', pin: '4826', badgeCode: 'B1' })).status).toBe(201);
      expect(await add({ displayName: 'Noé', role: 'cashier', pin: '4826', badgeCode: 'B1' })).toMatchObject({
        status: 409,
        body: { error: 'already_exists' },
      });
      expect(await ho.call('PATCH', '/api/v1/admin/stores/S1/staff/staff-nobody', { role: 'manager' })).toMatchObject({ status: 404 });
      expect(await ho.call('PATCH', '/api/v1/admin/stores/S1/staff/staff-nobody', {})).toMatchObject({ status: 400 });
      expect((await headOffice(ctx().hub, {}).call('GET', '/api/v1/admin/stores/S1/staff')).status).toBe(401);
    });

    it('lets a store take permissions from a role, never add any; the till gets the store’s table', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const ho = await admin();
      const tightened = await ho.call('PUT', '/api/v1/admin/stores/S1/roles', { roles: { cashier: ['sale.sell', 'receipt.reprint'] } });
      expect(tightened).toMatchObject({
        status: 200,
        body: {
          roles: { cashier: ['sale.sell', 'receipt.reprint'] },
          chain: { cashier: ['sale.sell', 'sale.void', 'sale.discount', 'receipt.reprint', 'cash.session'] },
        },
      });
      expect((await roster(till!.token)).body.roles).toEqual({ cashier: ['sale.sell', 'receipt.reprint'] });
      expect(await ho.call('PUT', '/api/v1/admin/stores/S1/roles', { roles: { cashier: ['sale.sell', 'till.settings'] } })).toMatchObject({
        status: 422,
        body: { error: 'invalid_roles', problems: [{ field: 'roles.cashier', code: 'role_widened' }] },
      });
      expect((await ho.call('PUT', '/api/v1/admin/stores/S1/roles', { roles: { cashier: ['sale.fly'] } })).status).toBe(400);
      // Everything the chain gives: back to the chain's role.
      const chainCashier = ['sale.sell', 'sale.void', 'sale.discount', 'receipt.reprint', 'cash.session'];
      expect((await ho.call('PUT', '/api/v1/admin/stores/S1/roles', { roles: { cashier: chainCashier } })).status).toBe(200);
      expect((await roster(till!.token)).body.roles).toEqual({});
    });

    it('gives a till its own store’s staff only, disabled people marked, and nothing without a device token', async () => {
      const [a] = await enrolledTills(ctx().db, 'A', ['T1']);
      const [b] = await enrolledTills(ctx().db, 'B', ['T1']);
      const ho = await admin();
      const inA = await ho.call('POST', '/api/v1/admin/stores/A/staff', { displayName: 'Anne', role: 'manager', pin: '4826' });
      await ho.call('POST', '/api/v1/admin/stores/B/staff', { displayName: 'Bruno', role: 'cashier', pin: '5937' });
      expect((await roster(a!.token)).body.staff.map((s) => s.displayName)).toEqual(['Anne']);
      expect((await roster(b!.token)).body.staff.map((s) => s.displayName)).toEqual(['Bruno']);
      expect((await roster(null)).status).toBe(401);
      expect((await roster(await adminHeaders(ctx().db).then((h) => h.authorization!.slice(7)))).status).toBe(401);
      await ho.call('PATCH', `/api/v1/admin/stores/A/staff/${inA.body.staffId as string}`, { disabled: true });
      expect((await roster(a!.token)).body.staff).toMatchObject([{ displayName: 'Anne', disabled: true, version: 2 }]);
    });
  });
}
