import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { cliOn } from '../test-support/cli-runner';
import { seedMigratedDataDir } from '../test-support/migrated-data-dir';
import { serve } from './serve-command';

describe('head-office users on the command line', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pos-hub-users-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // Migrated from the run's template: the commands find the schema there, with no initdb first.
  beforeAll(() => seedMigratedDataDir(dataDir));
  const cli = cliOn(dataDir);
  /** The data directory opened here, between two commands. */
  const db0 = async (work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<unknown>) => {
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await work(db);
    } finally {
      await db.close();
    }
  };

  it('creates the first admin with a one-time password, lists, disables and resets users (PGlite directory, no hub serving it)', async () => {
    expect((await cli('store', 'create', '--id', 'S001', '--name', 'Lyon')).code).toBe(0);
    const created = await cli('user', 'create', '--email', 'Ana@Example.com', '--role', 'admin', '--name', 'Ana');
    expect(created).toMatchObject({ code: 0, err: expect.stringContaining('user Ana@Example.com (admin) created') });
    const oneTime = created.out.trim();
    expect(oneTime).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const manager = await cli(
      'user',
      'create',
      '--email',
      'marc@example.com',
      '--role',
      'store-manager',
      '--stores',
      'S001',
      '--staff',
      'staff-1',
    );
    expect(manager.code).toBe(0);

    expect(await cli('user', 'create', '--email', 'ANA@example.com', '--role', 'accountant', '--stores', 'S001')).toMatchObject({
      code: 1,
      err: expect.stringContaining('already has the e-mail'),
    });
    expect((await cli('user', 'create', '--email', 'x@example.com', '--role', 'boss')).code).toBe(2);
    expect((await cli('user', 'create', '--email', 'y@example.com', '--role', 'store-manager', '--stores', 'S001,S002')).code).toBe(1);

    expect((await cli('user', 'list')).out).toBe(
      'Ana@Example.com  admin  all stores  enabled  TOTP off  Ana\nmarc@example.com  store-manager  S001  enabled  TOTP off  marc\n',
    );
    expect((await cli('user', 'disable', '--email', 'marc@EXAMPLE.com')).out).toContain('marc@example.com  store-manager  S001  disabled');
    const reset = await cli('user', 'reset-password', '--email', 'ana@example.com');
    expect(reset.code).toBe(0);
    expect(reset.out.trim()).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(reset.out.trim()).not.toBe(oneTime);
    expect((await cli('user', 'disable', '--email', 'nobody@example.com')).code).toBe(1);
    expect(await cli('user', 'disable', '--email', 'ana@example.com')).toMatchObject({
      code: 1,
      err: expect.stringContaining('last enabled administrator'),
    });
    await db0(async (db) => db.query("UPDATE office_users SET totp_secret = 'JBSWY3DPEHPK3PXP' WHERE email = 'Ana@Example.com'"));
    expect((await cli('user', 'list')).out).toContain('admin  all stores  enabled  TOTP on');
    expect((await cli('user', 'reset-totp', '--email', 'ana@example.com')).out).toContain('admin  all stores  enabled  TOTP off');

    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const stored = JSON.stringify(await db.query('SELECT * FROM office_users'));
      expect(stored).not.toContain(oneTime);
      expect(stored).toContain('scrypt$');
      const audit = await db.query<{ actor_kind: string; action: string }>('SELECT actor_kind, action FROM audit_log ORDER BY id');
      expect(audit.map((a) => `${a.actor_kind} ${a.action}`)).toEqual([
        'cli user.create',
        'cli user.create',
        'cli user.update',
        'cli user.reset-password',
        'cli user.update',
      ]);
    } finally {
      await db.close();
    }
  });

  it('goes through the hub serving the directory, and the one-time password signs in there (to change it first)', async () => {
    const hub = await serve({ database: { kind: 'pglite', dataDir }, port: 0, host: '127.0.0.1' });
    try {
      const created = await cli('user', 'create', '--email', 'lea@example.com', '--role', 'accountant', '--stores', 'S001');
      expect(created.code).toBe(0);
      expect((await cli('user', 'list')).out).toContain('lea@example.com  accountant  S001  enabled');
      const answer = await fetch(`${hub.url}/api/v1/office/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lea@example.com', password: created.out.trim() }),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ setup: { passwordChange: true, totpEnrollment: false } });
      expect(answer.headers.get('set-cookie')).toMatch(/^pos_office=.*HttpOnly.*SameSite=Strict/);
    } finally {
      await hub.close();
    }
  });
});
