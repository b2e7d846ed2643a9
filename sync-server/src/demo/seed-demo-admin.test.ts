import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfficeBrowser } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_FILE, seedDemoAdmin } from './seed-demo-admin';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the demo administrator on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-hub-demo-admin-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is created once, its password kept in the data directory (owner only), and those credentials sign in', async () => {
      const { db, hub } = ctx();
      const dataDir = path.join(dir, target.name);
      mkdirSync(dataDir);
      const first = await seedDemoAdmin(db, dataDir);
      expect(first).toMatchObject({ email: DEMO_ADMIN_EMAIL, created: true, file: path.join(dataDir, DEMO_ADMIN_FILE) });
      expect(first.password.length).toBeGreaterThanOrEqual(20);
      const file = path.join(dataDir, DEMO_ADMIN_FILE);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ email: DEMO_ADMIN_EMAIL, password: first.password });
      expect(statSync(file).mode & 0o077).toBe(0);

      const second = await seedDemoAdmin(db, dataDir);
      expect(second).toEqual({ ...first, created: false });
      expect(await db.query("SELECT role, must_change_password FROM office_users WHERE email = 'admin@demo.local'")).toEqual([
        { role: 'admin', must_change_password: false },
      ]);
      // Stored hashed only.
      expect(JSON.stringify(await db.query('SELECT * FROM office_users'))).not.toContain(first.password);

      const browser = new OfficeBrowser(hub);
      expect((await browser.signIn(DEMO_ADMIN_EMAIL, 'not the password')).status).toBe(401);
      const signedIn = await browser.signIn(DEMO_ADMIN_EMAIL, first.password);
      // An administrator like any other: a second factor to enroll before anything else.
      expect(signedIn).toMatchObject({ status: 200, body: { user: { role: 'admin' }, setup: { totpEnrollment: true } } });
      expect((await browser.call('GET', '/api/v1/admin/users')).body).toMatchObject({ error: 'totp_enrollment_required' });
    });

    it('without a data directory (a demo on PostgreSQL) makes a password once, and none after', async () => {
      const { db } = ctx();
      const first = await seedDemoAdmin(db);
      expect(first).toMatchObject({ created: true, file: null });
      expect((await seedDemoAdmin(db)).created).toBe(false);
      expect(await db.query('SELECT count(*)::int AS n FROM office_users')).toEqual([{ n: 1 }]);
    });
  });
}
