import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { updateOfficeUser } from '../office/users';
import { adminHeaders } from '../test-support/head-office';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`API keys owned by office users on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    /** A regional manager of S001 and S002, signed in; S003 exists but is not theirs. */
    async function regional() {
      const { db, hub } = ctx();
      for (const storeId of ['S001', 'S002', 'S003']) await createStore(db, { storeId, name: storeId });
      const { userId } = await readyUser(db, { email: 'rita@example.com', role: 'regional', stores: ['S001', 'S002'] });
      const browser = new OfficeBrowser(hub);
      expect((await browser.signIn('rita@example.com')).status).toBe(200);
      return { userId, browser };
    }

    async function withKey(secret: string, method: 'GET' | 'POST', url: string, payload?: object) {
      const res = await ctx().hub.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${secret}` },
        ...(payload ? { payload } : {}),
      });
      return { status: res.statusCode, body: res.json() as Record<string, unknown> };
    }

    it('a key scoped to closings of S001 reads them there, not in S002, and writes nothing; its secret is shown once', async () => {
      const { db } = ctx();
      const { userId, browser } = await regional();
      const created = await browser.call('POST', '/api/v1/office/api-keys', {
        label: 'accounting export',
        scopes: ['store.read'],
        stores: ['S001'],
        expiresAt: inDays(30),
      });
      expect(created).toMatchObject({ status: 201, body: { key: { userId, label: 'accounting export', scopes: ['store.read'] } } });
      const secret = created.body.secret as string;
      expect(secret).toMatch(/^pos_key\.[A-Za-z0-9_-]{43}$/);
      expect((await withKey(secret, 'GET', '/api/v1/admin/stores/S001/closings')).status).toBe(200);
      expect(await withKey(secret, 'GET', '/api/v1/admin/stores/S002/closings')).toMatchObject({
        status: 403,
        body: { error: 'forbidden' },
      });
      const write = await withKey(secret, 'POST', '/api/v1/admin/stores/S001/staff', { displayName: 'Léa', role: 'cashier', pin: '4826' });
      expect(write).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect((await withKey(secret, 'GET', '/api/v1/admin/users')).status).toBe(403);
      // Never again: not in the list, not in the database (only its SHA-256).
      const listed = await browser.call('GET', '/api/v1/office/api-keys');
      expect(listed.body.keys).toHaveLength(1);
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(8));
      expect(JSON.stringify(await db.query('SELECT * FROM api_keys'))).not.toContain(secret.slice(8));
      expect((await db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_keys'))[0]!.last_used_at).not.toBeNull();
      // A key makes no key: those routes take the session cookie only.
      expect(
        (await withKey(secret, 'POST', '/api/v1/office/api-keys', { label: 'x', scopes: ['store.read'], expiresAt: inDays(1) })).status,
      ).toBe(401);
    });

    it('never grants more than its owner may do, and always expires within a year', async () => {
      const { browser } = await regional();
      const create = (body: object) => browser.call('POST', '/api/v1/office/api-keys', { label: 'k', expiresAt: inDays(30), ...body });
      expect(await create({ scopes: ['chain.admin'] })).toMatchObject({ status: 400, body: { error: 'invalid_api_key' } });
      expect(await create({ scopes: ['store.read'], stores: ['S003'] })).toMatchObject({ status: 400, body: { error: 'invalid_api_key' } });
      expect(await create({ scopes: ['store.read'], expiresAt: inDays(400) })).toMatchObject({ status: 400 });
      expect(await create({ scopes: ['store.read'], expiresAt: inDays(-1) })).toMatchObject({ status: 400 });
      expect((await browser.call('POST', '/api/v1/office/api-keys', { label: 'k', scopes: ['store.read'] })).status).toBe(400);
      expect((await create({ scopes: ['store.read', 'store.settings'] })).status).toBe(201);
      const csrf = browser.csrf;
      browser.csrf = null;
      expect(await create({ scopes: ['store.read'] })).toMatchObject({ status: 403, body: { error: 'csrf_rejected' } });
      browser.csrf = csrf;
    });

    it('refuses an expired or revoked key, and audits creation, revocation and the changes made with a key', async () => {
      const { db } = ctx();
      const { browser } = await regional();
      const make = async () =>
        (
          await browser.call('POST', '/api/v1/office/api-keys', {
            label: 'staff sync',
            scopes: ['store.read', 'store.staff'],
            expiresAt: inDays(10),
          })
        ).body as { key: { keyId: string }; secret: string };
      const expiring = await make();
      const revoked = await make();
      const staff = { displayName: 'Léa', role: 'cashier', pin: '4826' };
      const added = await withKey(expiring.secret, 'POST', '/api/v1/admin/stores/S002/staff', staff);
      expect(added.status).toBe(201);
      await db.query("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE key_id = $1", [expiring.key.keyId]);
      expect(await withKey(expiring.secret, 'GET', '/api/v1/admin/stores/S001/closings')).toMatchObject({
        status: 401,
        body: { error: 'unauthorized' },
      });
      expect((await browser.call('DELETE', `/api/v1/office/api-keys/${revoked.key.keyId}`)).body).toMatchObject({
        key: { revokedAt: expect.any(String) },
      });
      expect((await withKey(revoked.secret, 'GET', '/api/v1/admin/stores/S001/closings')).status).toBe(401);
      expect((await browser.call('DELETE', '/api/v1/office/api-keys/key-none')).status).toBe(404);
      const audit = await db.query<{ actor_kind: string; actor: string; action: string; target: string; after: unknown }>(
        'SELECT actor_kind, actor, action, target, after FROM audit_log ORDER BY id',
      );
      const actions = audit.map((a) => `${a.actor_kind} ${a.action}`);
      expect(actions).toEqual(
        expect.arrayContaining(['user api-key.create', 'user api-key.revoke', 'key POST /api/v1/admin/stores/:storeId/staff']),
      );
      const byKey = audit.find((a) => a.actor_kind === 'key')!;
      expect(byKey.actor).toContain(expiring.key.keyId);
      expect(byKey.actor).toContain('rita@example.com');
      expect(JSON.stringify(audit)).not.toContain(expiring.secret.slice(8));
      expect(JSON.stringify(audit)).not.toContain('4826');
    });

    it('a key outliving its owner’s demotion loses the rights, and stops when the owner is disabled; admin tokens work unchanged', async () => {
      const { db } = ctx();
      const { userId, browser } = await regional();
      const { body } = await browser.call('POST', '/api/v1/office/api-keys', {
        label: 'till staff',
        scopes: ['store.read', 'store.staff'],
        expiresAt: inDays(10),
      });
      const secret = body.secret as string;
      const staff = { displayName: 'Léa', role: 'cashier', pin: '4826' };
      expect((await withKey(secret, 'POST', '/api/v1/admin/stores/S001/staff', staff)).status).toBe(201);
      await updateOfficeUser(db, { kind: 'cli' }, userId, { role: 'accountant', stores: ['S001'] });
      expect((await withKey(secret, 'POST', '/api/v1/admin/stores/S001/staff', { ...staff, displayName: 'Tom' })).status).toBe(403);
      expect((await withKey(secret, 'GET', '/api/v1/admin/stores/S001/closings')).status).toBe(200);
      expect((await withKey(secret, 'GET', '/api/v1/admin/stores/S002/closings')).status).toBe(403);
      await updateOfficeUser(db, { kind: 'cli' }, userId, { disabled: true });
      expect((await withKey(secret, 'GET', '/api/v1/admin/stores/S001/closings')).status).toBe(401);
      const token = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S002/closings',
        headers: await adminHeaders(db),
      });
      expect(token.statusCode).toBe(200);
    });
  });
}
