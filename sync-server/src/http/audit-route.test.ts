import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { recordAudit } from '../office/audit';
import { createOfficeUser } from '../office/users';
import { adminHeaders } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the audit log and the users as lists and files on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const get = async (url: string) => ctx().hub.app.inject({ url, headers: await adminHeaders(ctx().db) });

    it('lists the audit log at /api/v1/admin/audit with the office route’s filters, and exports every entry they select', async () => {
      const { db } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Lyon' });
      await createOfficeUser(db, { kind: 'cli' }, { email: 'acc@example.com', role: 'accountant', stores: ['S1'] });
      // More entries than one page of the export's batches (200); the newest written as the hub writes them (a PIN left out).
      await db.query(
        "INSERT INTO audit_log (actor_kind, actor, action, target) SELECT 'cli', 'command line', 'test.bulk', 't' || i FROM generate_series(0, 203) i",
      );
      await recordAudit(db, { kind: 'cli' }, { action: 'test.bulk', target: 't204', after: { n: 204, pin: '1234' } });
      const list = await get('/api/v1/admin/audit?action=user.&limit=5');
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ entries: [{ action: 'user.create', actorKind: 'cli' }], next: null });
      expect((await get('/api/v1/admin/audit?from=soon')).statusCode).toBe(400);

      const csv = await get('/api/v1/admin/audit?action=test.&format=csv&lang=en');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('No.,Date,Actor kind,Actor,Action,Target,Store,Before,After');
      expect(lines).toHaveLength(206);
      expect(lines[1]).toContain('Command line,command line,test.bulk,t204,,,"{""n"":204,""pin"":""[redacted]""}"');
      expect(csv.body).not.toContain('1234');
    });

    it('exports the users as CSV and XLSX, with words in the file’s language', async () => {
      const { db } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Lyon' });
      await createOfficeUser(db, { kind: 'cli' }, { email: 'acc@example.com', displayName: 'Ana', role: 'accountant', stores: ['S1'] });
      const csv = await get('/api/v1/admin/users?format=csv&lang=fr');
      expect(csv.headers['x-total-rows']).toBe('1');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Adresse e-mail;Nom;Rôle;Magasins;Double authentification;Désactivé;Dernière connexion;Créé le');
      expect(lines[1]).toMatch(/^acc@example\.com;Ana;Comptable;S1;Non;Non;;\d{4}-/);
      const xlsx = await get('/api/v1/admin/users?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await get('/api/v1/admin/users')).json()).toMatchObject({ users: [{ email: 'acc@example.com' }] });
    });

    it('refuses a period off the calendar, outside 1970–9999 or the wrong way round, and a page past the safe integers, with 400 bad_request', async () => {
      for (const query of [
        'from=0000-01-01T00:00:00Z',
        'to=1969-12-31T23:59:59Z',
        'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z&format=csv',
        'before=100000000000000000000',
        `from=2026-01-01T00:00:00.${'1'.repeat(40)}Z`,
      ]) {
        const refused = await get(`/api/v1/admin/audit?${query}`);
        expect([query, refused.statusCode, refused.json<{ error: string }>().error]).toEqual([query, 400, 'bad_request']);
      }
      expect((await get('/api/v1/admin/audit?from=2026-01-01T00:00:00%2B01:00&to=2026-01-01T00:00:00Z')).statusCode).toBe(200);
    });
  });
}
