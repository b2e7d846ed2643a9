import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { OfficeBrowser, readyUser, TEST_PASSWORD } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';
import { createHub } from '../server';
import { currentTotpCode } from '../office/totp';
import { createOfficeUser } from '../office/users';

const STEP_MS = 30_000;

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`back-office sign-in and sessions on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, office: { lockout: { maxFailures: 3, lockMs: 60_000 } } });
    const browser = (host?: string) => new OfficeBrowser(ctx().hub, host);

    it('signs in with a session cookie that is HttpOnly, SameSite=Strict, Path=/, Secure except over http to localhost', async () => {
      const { db } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Lyon' });
      await readyUser(db, { email: 'Marie@Example.com', role: 'store-manager', stores: ['S1'] });
      const local = browser();
      const answer = await local.signIn('marie@example.COM');
      expect(answer).toMatchObject({
        status: 200,
        body: {
          user: { email: 'Marie@Example.com', role: 'store-manager', stores: ['S1'] },
          setup: { passwordChange: false, totpEnrollment: false },
        },
      });
      const cookie = String(answer.headers['set-cookie']);
      expect(cookie).toMatch(/^pos_office=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
      const remote = browser('hub.example.com');
      expect(String((await remote.signIn('marie@example.com')).headers['set-cookie'])).toMatch(/; Secure/);
      // Stored hashed only.
      const stored = JSON.stringify(await db.query('SELECT * FROM office_sessions'));
      expect(stored).not.toContain(local.cookie!.split('=')[1]);
      expect((await local.call('GET', '/api/v1/office/me')).body).toMatchObject({ user: { role: 'store-manager' }, csrfToken: local.csrf });
    });

    it('answers the same for an unknown e-mail and a wrong password, and locks the account after 3 failures (kept in the database)', async () => {
      const { db } = ctx();
      await readyUser(db, { email: 'paul@example.com', role: 'admin', totp: false });
      const b = browser();
      const unknown = await b.signIn('nobody@example.com');
      const wrong = await b.signIn('paul@example.com', 'not the password');
      expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_credentials' } });
      expect(wrong.body).toEqual(unknown.body);
      await b.signIn('paul@example.com', 'still not it');
      await b.signIn('paul@example.com', 'third time');
      const locked = await b.signIn('paul@example.com');
      expect(locked.body).toEqual(unknown.body);
      const [row] = await db.query<{ locked: boolean }>(
        "SELECT locked_until > now() AS locked FROM office_users WHERE email = 'paul@example.com'",
      );
      expect(row!.locked).toBe(true);
      await db.query("UPDATE office_users SET locked_until = now() - interval '1 second'");
      expect((await b.signIn('paul@example.com')).status).toBe(200);
    });

    it('refuses a change made with the cookie but without the session’s CSRF token', async () => {
      const { db } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Lyon' });
      await readyUser(db, { email: 'ana@example.com', role: 'accountant', stores: ['S1'] });
      const b = browser();
      await b.signIn('ana@example.com');
      const csrf = b.csrf;
      b.csrf = null;
      expect(await b.call('POST', '/api/v1/office/sessions/revoke-all')).toMatchObject({ status: 403, body: { error: 'csrf_rejected' } });
      expect((await b.call('DELETE', '/api/v1/office/session', undefined, { 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
      expect((await b.call('GET', '/api/v1/office/me')).status).toBe(200);
      b.csrf = csrf;
      expect((await b.call('DELETE', '/api/v1/office/session')).status).toBe(204);
      expect(b.cookie).toBeNull();
    });

    it('ends sessions when idle, at their absolute end, at sign-out everywhere, and when the user is disabled', async () => {
      const { db } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Lyon' });
      const { userId } = await readyUser(db, { email: 'reg@example.com', role: 'regional', stores: ['S1'] });
      const [a, b, c] = [browser(), browser(), browser()];
      for (const x of [a, b, c]) await x.signIn('reg@example.com');
      await db.query(
        "UPDATE office_sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = (SELECT token_hash FROM office_sessions ORDER BY created_at LIMIT 1)",
      );
      const alive = async () => Promise.all([a, b, c].map(async (x) => (await x.call('GET', '/api/v1/office/me')).status));
      expect(await alive()).toEqual([401, 200, 200]);
      await db.query("UPDATE office_sessions SET expires_at = now() - interval '1 second'");
      expect(await alive()).toEqual([401, 401, 401]);
      for (const x of [a, b]) await x.signIn('reg@example.com');
      expect(await a.call('POST', '/api/v1/office/sessions/revoke-all')).toMatchObject({ status: 200, body: { endedSessions: 2 } });
      expect((await b.call('GET', '/api/v1/office/me')).status).toBe(401);
      await c.signIn('reg@example.com');
      await db.query('UPDATE office_users SET disabled = true WHERE user_id = $1', [userId]);
      expect((await c.call('GET', '/api/v1/office/me')).status).toBe(401);
    });

    it.runIf(target.name === 'postgres')(
      'shares sessions between hub instances on one database: signed in on one, signed out everywhere from the other',
      async () => {
        const { db, database, hub } = ctx();
        await createStore(db, { storeId: 'S1', name: 'Lyon' });
        await readyUser(db, { email: 'two@example.com', role: 'store-manager', stores: ['S1'] });
        const otherDb = await database.openAnother();
        const other = await createHub({ database: otherDb, port: 0 });
        try {
          const here = new OfficeBrowser(hub);
          await here.signIn('two@example.com');
          const there = new OfficeBrowser(other);
          there.cookie = here.cookie;
          there.csrf = here.csrf;
          expect((await there.call('GET', '/api/v1/admin/stores/S1/closings')).status).toBe(200);
          expect((await there.call('POST', '/api/v1/office/sessions/revoke-all')).status).toBe(200);
          expect((await here.call('GET', '/api/v1/office/me')).status).toBe(401);
        } finally {
          await other.close();
          await otherDb.close();
        }
      },
    );

    it('makes a new user change the one-time password first; an admin enrolls TOTP before anything else, then needs it to sign in', async () => {
      const { db } = ctx();
      const { oneTimePassword } = await createOfficeUser(db, { kind: 'cli' }, { email: 'root@example.com', role: 'admin' });
      const b = browser();
      expect(await b.signIn('root@example.com', oneTimePassword)).toMatchObject({
        status: 200,
        body: { setup: { passwordChange: true, totpEnrollment: true } },
      });
      expect(await b.call('GET', '/api/v1/admin/users')).toMatchObject({ status: 403, body: { error: 'password_change_required' } });
      expect(await b.call('POST', '/api/v1/office/password', { currentPassword: oneTimePassword, newPassword: 'short' })).toMatchObject({
        status: 400,
        body: { error: 'weak_password' },
      });
      expect(
        (await b.call('POST', '/api/v1/office/password', { currentPassword: oneTimePassword, newPassword: TEST_PASSWORD })).status,
      ).toBe(204);
      expect(await b.call('GET', '/api/v1/admin/users')).toMatchObject({ status: 403, body: { error: 'totp_enrollment_required' } });
      expect((await b.call('GET', '/api/v1/office/audit')).status).toBe(403);

      const enrolled = await b.call('POST', '/api/v1/office/totp');
      expect(enrolled.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      const secret = enrolled.body.secret as string;
      expect(
        (await b.call('POST', '/api/v1/office/totp/confirm', { code: '000000' === currentTotpCode(secret) ? '111111' : '000000' })).status,
      ).toBe(400);
      expect((await b.call('POST', '/api/v1/office/totp/confirm', { code: currentTotpCode(secret) })).status).toBe(204);
      expect((await b.call('GET', '/api/v1/admin/users')).status).toBe(200);

      const next = new OfficeBrowser(ctx().hub);
      expect(await next.signIn('root@example.com')).toMatchObject({ status: 401, body: { error: 'totp_required' } });
      // The confirmation used this step's code: the same code again is refused (replay), the next step's is taken.
      expect(
        await next.call('POST', '/api/v1/office/session', {
          email: 'root@example.com',
          password: TEST_PASSWORD,
          code: currentTotpCode(secret),
        }),
      ).toMatchObject({ status: 401, body: { error: 'totp_invalid' } });
      const later = currentTotpCode(secret, Date.now() + STEP_MS);
      expect(
        (await next.call('POST', '/api/v1/office/session', { email: 'root@example.com', password: TEST_PASSWORD, code: later })).status,
      ).toBe(200);
      expect(
        (await next.call('POST', '/api/v1/office/session', { email: 'root@example.com', password: TEST_PASSWORD, code: later })).status,
      ).toBe(401);
    });

    it('audits changes made with a session and with an admin token (secrets left out), listed newest first for admins only, by pages', async () => {
      const { db, hub } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Lyon' });
      const { totpSecret } = await readyUser(db, { email: 'boss@example.com', role: 'admin' });
      await readyUser(db, { email: 'sm@example.com', role: 'store-manager', stores: ['S1'] });
      const admin = browser();
      await admin.signIn('boss@example.com', TEST_PASSWORD, totpSecret);
      const added = await admin.call('POST', '/api/v1/admin/stores/S1/staff', { displayName: 'Julie', role: 'cashier', pin: '4826' });
      expect(added.status).toBe(201);
      const renamed = await admin.call('PATCH', `/api/v1/admin/stores/S1/staff/${added.body.staffId as string}`, {
        displayName: 'Julie M.',
      });
      expect(renamed.status).toBe(200);
      const created = await admin.call('POST', '/api/v1/admin/users', { email: 'acc@example.com', role: 'accountant', stores: ['S1'] });
      expect(created.status).toBe(201);
      const userId = (created.body.user as { userId: string }).userId;
      expect((await admin.call('PATCH', `/api/v1/admin/users/${userId}`, { disabled: true })).status).toBe(200);
      const token = headOffice(hub, await adminHeaders(db));
      expect((await token.call('PUT', '/api/v1/admin/stores/S1/roles', { roles: { cashier: ['sale.sell'] } })).status).toBe(200);

      const page = await admin.call('GET', '/api/v1/office/audit?limit=2');
      expect(page.status).toBe(200);
      const entries = page.body.entries as {
        actorKind: string;
        actor: string;
        action: string;
        storeId: string | null;
        before: unknown;
        after: unknown;
      }[];
      expect(entries.map((e) => [e.actorKind, e.action])).toEqual([
        ['token', 'PUT /api/v1/admin/stores/:storeId/roles'],
        ['user', 'user.update'],
      ]);
      expect(entries[1]).toMatchObject({
        actor: expect.stringContaining('boss@example.com'),
        before: { disabled: false },
        after: { disabled: true },
      });
      const rest = await admin.call('GET', `/api/v1/office/audit?before=${page.body.next}`);
      const older = rest.body.entries as typeof entries;
      expect(older.map((e) => e.action)).toEqual([
        'user.create',
        'PATCH /api/v1/admin/stores/:storeId/staff/:staffId',
        'POST /api/v1/admin/stores/:storeId/staff',
        'user.create',
        'user.create',
      ]);
      expect(older[1]).toMatchObject({
        storeId: 'S1',
        before: { display_name: 'Julie', role: 'cashier' },
        after: { displayName: 'Julie M.' },
      });
      expect(older[2]).toMatchObject({ storeId: 'S1', before: null, after: { displayName: 'Julie', pin: '[redacted]' } });
      expect(rest.body.next).toBeNull();
      expect(JSON.stringify(await db.query('SELECT * FROM audit_log'))).not.toContain('4826');
      // Narrowed by actor, action (part of it, any case; % and _ taken literally) and period; the last sign-in kept.
      const filtered = async (query: string) =>
        ((await admin.call('GET', `/api/v1/office/audit?${query}`)).body.entries as typeof entries).map((e) => e.action);
      expect(await filtered('actor=BOSS@&action=user.')).toEqual(['user.update', 'user.create']);
      expect(await filtered('action=%25')).toEqual([]);
      expect(await filtered(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
      expect((await filtered(`to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).length).toBe(7);
      expect((await admin.call('GET', '/api/v1/office/audit?from=yesterday')).status).toBe(400);
      expect((await admin.call('GET', `/api/v1/office/audit?actor=${'x'.repeat(255)}`)).status).toBe(400);
      const users = (await admin.call('GET', '/api/v1/admin/users')).body.users as { email: string; lastSignInAt: string | null }[];
      expect(users.find((u) => u.email === 'boss@example.com')!.lastSignInAt).toEqual(expect.any(String));
      expect(users.find((u) => u.email === 'acc@example.com')!.lastSignInAt).toBeNull();

      const manager = browser();
      await manager.signIn('sm@example.com');
      expect(await manager.call('GET', '/api/v1/office/audit')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    });
  });
}
