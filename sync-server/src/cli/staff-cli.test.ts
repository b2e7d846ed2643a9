import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { cliOn } from '../test-support/cli-runner';
import { seedMigratedDataDir } from '../test-support/migrated-data-dir';
import { serve } from './serve-command';

describe('staff on the command line (PGlite data directory, no hub serving it)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pos-hub-staff-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // Migrated from the run's template: the commands find the schema there, with no initdb first.
  beforeAll(() => seedMigratedDataDir(dataDir));

  const cli = cliOn(dataDir);

  it('adds, lists, changes the role and PIN of, and disables a person; tightens a role; never prints or stores a PIN', async () => {
    expect((await cli('store', 'create', '--id', 'S001', '--name', 'Lyon')).code).toBe(0);
    const added = await cli('staff', 'add', '--store', 'S001', '--name', 'Julie', '--role', 'cashier', '--pin', '4826', '--badge', 'B42');
    expect(added).toMatchObject({ code: 0, out: expect.stringMatching(/^Julie added to store S001 as cashier: staff-/) });
    const id = /(staff-[0-9a-f-]{36})/.exec(added.out)![1]!;
    expect((await cli('staff', 'list', '--store', 'S001')).out).toBe(`${id}  cashier   enabled   badge B42  Julie\n`);
    expect((await cli('staff', 'set-role', '--store', 'S001', '--id', id, '--role', 'manager')).out).toContain('manager');
    expect((await cli('staff', 'set-pin', '--store', 'S001', '--id', id, '--pin', '7391')).out).toContain('New PIN set for Julie');
    expect((await cli('staff', 'disable', '--store', 'S001', '--id', id)).out).toContain('disabled');
    const tightened = await cli('roles', 'set', '--store', 'S001', '--role', 'cashier', '--permissions', 'sale.sell,receipt.reprint');
    expect(tightened).toMatchObject({
      code: 0,
      out: expect.stringContaining('cashier: sale.sell, receipt.reprint  (taken away in S001: sale.void, sale.discount, cash.session)'),
    });

    // Refusals: a guessable PIN (1), a widened role (1), an unknown role (usage, 2).
    expect(await cli('staff', 'add', '--store', 'S001', '--name', 'Léa', '--role', 'cashier', '--pin', '1111')).toMatchObject({
      code: 1,
      err: expect.stringContaining('pin: choose a PIN'),
    });
    expect((await cli('roles', 'set', '--store', 'S001', '--role', 'cashier', '--permissions', 'till.settings')).code).toBe(1);
    expect((await cli('staff', 'add', '--store', 'S001', '--name', 'Léa', '--role', 'boss', '--pin', '4826')).code).toBe(2);

    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const stored = JSON.stringify(await db.query('SELECT * FROM staff'));
      expect(stored).toContain('scrypt$');
      expect(stored).not.toMatch(/4826|7391/);
    } finally {
      await db.close();
    }
  });

  it('goes through the hub serving the directory: the same commands, over the admin routes', async () => {
    const hub = await serve({ database: { kind: 'pglite', dataDir }, port: 0, host: '127.0.0.1' });
    try {
      const added = await cli('staff', 'add', '--store', 'S001', '--name', 'Noé', '--role', 'cashier', '--pin', '5937');
      expect(added).toMatchObject({ code: 0, out: expect.stringContaining('Noé added to store S001 as cashier') });
      const id = /(staff-[0-9a-f-]{36})/.exec(added.out)![1]!;
      expect((await cli('staff', 'set-role', '--store', 'S001', '--id', id, '--role', 'manager')).out).toContain('manager');
      expect((await cli('staff', 'set-pin', '--store', 'S001', '--id', id, '--pin', '6048')).code).toBe(0);
      expect((await cli('staff', 'list', '--store', 'S001')).out).toContain(`${id}  manager   enabled   Noé`);
      expect((await cli('roles', 'set', '--store', 'S001', '--role', 'manager', '--permissions', 'sale.sell,till.settings')).out).toContain(
        'manager: sale.sell, till.settings  (taken away in S001:',
      );
      expect(await cli('staff', 'set-pin', '--store', 'S001', '--id', id, '--pin', '9876')).toMatchObject({
        code: 1,
        err: expect.stringContaining('choose a PIN'),
      });
    } finally {
      await hub.close();
    }
  });
});
