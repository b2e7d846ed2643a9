import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InvokeReply, SealedRecord, StaffMember } from '@pos/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTillHost } from '../../electron/src/host/till-host';
import { createStaff, setStoreRoles, updateStaff } from '../../sync-server/src/admin/staff';
import { issueEnrollmentCode } from '../../sync-server/src/auth/enrollment';
import { createHub, type Hub } from '../../sync-server/src/server';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { ensureStore } from './till-peer';

type Host = Awaited<ReturnType<typeof createTillHost>>;

function ok<T>(reply: InvokeReply): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

function refusal(reply: InvokeReply) {
  if (reply.ok) throw new Error('Expected a refusal');
  return reply.error;
}

/**
 * Staff managed at the hub reach the store's tills: a real hub (PGlite) and a real till host
 * (a real till, not the demo store), enrolled by its first manager set up on the till.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`staff from the hub at the till (${target.name})`, () => {
    // One hub for the block (a database takes seconds to open); each test has stores of its own.
    let database: TestDatabase;
    let hub: Hub;
    let url: string;
    beforeAll(async () => {
      database = await target.open();
      hub = await createHub({ database: database.db, port: 0, rateLimit: false });
      url = await hub.listen();
    });
    afterAll(async () => {
      await hub?.close();
      await database?.close();
    });
    const cleanup: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    /** A real till of `storeId` (not the demo store), enrolled by its first manager set up on the till. */
    async function tillOf(storeId: string): Promise<{ host: Host; dir: string }> {
      await ensureStore(database.db, storeId, ['T01']);
      const dir = await mkdtemp(path.join(tmpdir(), 'pos-staff-till-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      await writeFile(path.join(dir, 'config.json'), JSON.stringify({ storeId, tillId: 'T01' }));
      const host = await createTillHost({ dataDir: dir, mode: 'browser', demo: false, env: { POS_PRINTER: 'none' } });
      cleanup.push(() => host.close());
      const manager = ok<StaffMember>(await host.invoke('staff.setup', { displayName: 'Gérante', pin: '2468' }));
      ok(await host.invoke('session.signIn', { staffId: manager.id, pin: '2468' }));
      const { code } = await issueEnrollmentCode(database.db, { storeId, tillId: 'T01' });
      ok(await host.invoke('hub.enroll', { hubUrl: url, code }));
      return { host, dir };
    }

    const rightsEvents = async (host: Host) =>
      ok<{ records: SealedRecord[] }>(await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 500 }))
        .records.map((r) => r.payload as { type: string })
        .filter((p) => p.type === 'staff.rights' || p.type === 'session.sign-out');

    it('a person added at the hub signs in at the till with that PIN; the hub then owns the till’s staff', async () => {
      const { host, dir } = await tillOf('S1');
      const julie = await createStaff(database.db, 'S1', { displayName: 'Julie', role: 'cashier', pin: '4826', badgeCode: 'B42' });
      const pulled = await host.context.refreshStaffFromHub();
      // The till's own first manager is set aside (and signed out): head office manages this store's staff now.
      expect(pulled.signedOut).not.toBeNull();
      expect(ok<StaffMember[]>(await host.invoke('staff.list', undefined))).toEqual([
        { id: julie.staffId, displayName: 'Julie', role: 'cashier', badgeCode: 'B42' },
      ]);
      expect(refusal(await host.invoke('session.signIn', { staffId: julie.staffId, pin: '4827' })).code).toBe('WRONG_PIN');
      expect(ok<StaffMember>(await host.invoke('session.signIn', { staffId: julie.staffId, pin: '4826' })).id).toBe(julie.staffId);
      expect(refusal(await host.invoke('staff.setup', { displayName: 'Autre', pin: '1357' })).details).toMatchObject({
        reason: 'staff-from-hub',
      });
      // After a restart (the cache read before any pull; offline starts in staff-store-hub.test.ts), Julie still signs in; the PIN is nowhere in clear.
      await host.close();
      expect(await readFile(path.join(dir, 'hub-staff.json'), 'utf8')).not.toContain('4826');
      const again = await createTillHost({ dataDir: dir, mode: 'browser', demo: false, env: { POS_PRINTER: 'none' } });
      cleanup.push(() => again.close());
      expect(ok<StaffMember>(await again.invoke('session.signIn', { staffId: julie.staffId, pin: '4826' })).id).toBe(julie.staffId);
    });

    it('seals one staff.rights event per change, applies a store’s tightened role, and refuses a disabled person', async () => {
      const { host } = await tillOf('S2');
      const julie = await createStaff(database.db, 'S2', { displayName: 'Julie', role: 'cashier', pin: '4826' });
      const marc = await createStaff(database.db, 'S2', { displayName: 'Marc', role: 'manager', pin: '9157' });
      await host.context.refreshStaffFromHub();
      const first = await rightsEvents(host);
      expect(first.filter((e) => e.type === 'staff.rights')).toHaveLength(3); // Julie, Marc, and the first manager set aside

      // Nothing changed: nothing sealed.
      expect((await host.context.refreshStaffFromHub()).changes).toEqual([]);

      await updateStaff(database.db, 'S2', julie.staffId, { role: 'manager' });
      expect((await host.context.refreshStaffFromHub()).changes).toHaveLength(1);
      const afterRole = (await rightsEvents(host)).slice(first.length);
      expect(afterRole).toEqual([
        {
          type: 'staff.rights',
          staffId: julie.staffId,
          role: 'manager',
          permissions: expect.arrayContaining(['till.settings', 'sale.refund']),
          changedBy: 'hub',
        },
      ]);

      // The store takes sale.void away from managers here: Marc may no longer void alone, nor approve it.
      await database.db.transaction((tx) =>
        setStoreRoles(tx, 'S2', { manager: ['sale.sell', 'sale.discount', 'receipt.reprint', 'till.settings', 'drawer.open'] }),
      );
      expect((await host.context.refreshStaffFromHub()).changes.map((c) => c.staffId).sort()).toEqual([julie.staffId, marc.staffId].sort());
      ok(await host.invoke('session.signIn', { staffId: marc.staffId, pin: '9157' }));
      expect(refusal(await host.invoke('approval.request', { action: 'sale.void', subject: {} })).details).toMatchObject({
        reason: 'approver-needed',
      });
      expect(refusal(await host.invoke('approval.request', { action: 'sale.void', pin: '4826', subject: {} })).details).toMatchObject({
        reason: 'approver-not-allowed',
      });
      expect(ok<{ approvedBy: string }>(await host.invoke('approval.request', { action: 'drawer.open', subject: {} })).approvedBy).toBe(
        marc.staffId,
      );

      // Marc disabled: signed out at the next pull, refused by name, and his PIN approves nothing.
      await updateStaff(database.db, 'S2', marc.staffId, { disabled: true });
      const pulled = await host.context.refreshStaffFromHub();
      expect(pulled).toMatchObject({ signedOut: marc.staffId, changes: [{ staffId: marc.staffId, permissions: [] }] });
      expect(ok<StaffMember[]>(await host.invoke('staff.list', undefined)).map((s) => s.id)).toEqual([julie.staffId]);
      expect(refusal(await host.invoke('session.signIn', { staffId: marc.staffId, pin: '9157' }))).toMatchObject({
        code: 'FORBIDDEN',
        details: { reason: 'staff-disabled' },
      });
      ok(await host.invoke('session.signIn', { staffId: julie.staffId, pin: '4826' }));
      expect(refusal(await host.invoke('approval.request', { action: 'sale.refund', pin: '9157', subject: {} })).code).toBe('WRONG_PIN');
    });

    it('a till of store A never gets store B’s staff', async () => {
      const { host } = await tillOf('A');
      await ensureStore(database.db, 'B', ['T01']);
      await createStaff(database.db, 'B', { displayName: 'Bruno', role: 'manager', pin: '5937' });
      await host.context.refreshStaffFromHub();
      // B's staff are not A's: the till keeps its own first manager.
      expect(ok<StaffMember[]>(await host.invoke('staff.list', undefined)).map((s) => s.displayName)).toEqual(['Gérante']);
      await createStaff(database.db, 'A', { displayName: 'Anne', role: 'cashier', pin: '3816' });
      await host.context.refreshStaffFromHub();
      expect(ok<StaffMember[]>(await host.invoke('staff.list', undefined)).map((s) => s.displayName)).toEqual(['Anne']);
    });
  });
}
