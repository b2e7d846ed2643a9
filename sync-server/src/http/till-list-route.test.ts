import { APP_VERSION_HEADER } from '@pos/core';
import { describe, expect, it } from 'vitest';
import type { TillSummary } from '../admin/till-list';
import { createTill } from '../admin/tills';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a store’s tills listed at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const list = async (storeId: string) =>
      headOffice(ctx().hub, await adminHeaders(ctx().db)).call('GET', `/api/v1/admin/stores/${storeId}/tills`);

    it('lists each till with its last call, revocation and backlog; no app version before the till sends one', async () => {
      const { db, hub } = ctx();
      const [t1] = await enrolledTills(db, 'S1', ['T1', 'T2']);
      await createTill(db, { storeId: 'S1', tillId: 'T3', label: 'Réserve' });
      await client(hub, t1!).pull('store_settings', 0, 10);
      const revoked = await headOffice(hub, await adminHeaders(db)).call('POST', '/api/v1/admin/revocations', {
        storeId: 'S1',
        tillId: 'T2',
      });
      expect(revoked.status).toBe(200);
      const answer = await list('S1');
      expect(answer.status).toBe(200);
      const backlog = { pendingRecords: 0, quarantined: 0, unpushed: null };
      expect(answer.body.tills).toEqual([
        {
          tillId: 'T1',
          label: null,
          createdAt: expect.any(String),
          revoked: false,
          lastSeenAt: expect.any(String),
          appVersion: null,
          syncBacklog: backlog,
        },
        {
          tillId: 'T2',
          label: null,
          createdAt: expect.any(String),
          revoked: true,
          lastSeenAt: null,
          appVersion: null,
          syncBacklog: backlog,
        },
        {
          tillId: 'T3',
          label: 'Réserve',
          createdAt: expect.any(String),
          revoked: false,
          lastSeenAt: null,
          appVersion: null,
          syncBacklog: backlog,
        },
      ]);
      const [first] = (answer.body as { tills: TillSummary[] }).tills;
      expect(Date.now() - Date.parse(first!.lastSeenAt!)).toBeLessThan(60_000);
    });

    it('keeps the app version a till sends on its sync requests; a header it cannot read is ignored, the request served', async () => {
      const { db, hub } = ctx();
      const [t1] = await enrolledTills(db, 'S1', ['T1']);
      const pull = async (version: string) => {
        const headers = { ...syncHeaders(t1!.token, 'store_settings'), [APP_VERSION_HEADER]: version };
        return (await hub.app.inject({ url: '/sync/v1/store_settings/pull', headers })).statusCode;
      };
      const version = async () => ((await list('S1')).body as { tills: TillSummary[] }).tills[0]!.appVersion;
      expect(await pull('1.4.0')).toBe(200);
      expect(await version()).toBe('1.4.0');
      for (const bad of ['x'.repeat(41), '1.5 <b>', '']) expect(await pull(bad)).toBe(200);
      expect(await version()).toBe('1.4.0');
      expect(await pull('1.5.0-beta.1')).toBe(200);
      expect(await version()).toBe('1.5.0-beta.1');
    });

    it('exports the tills as CSV in French', async () => {
      const { db, hub } = ctx();
      await enrolledTills(db, 'S1', ['T1']);
      await createTill(db, { storeId: 'S1', tillId: 'T2', label: 'Réserve; fond' });
      const csv = await hub.app.inject({ method: 'GET', url: '/api/v1/admin/stores/S1/tills?format=csv', headers: await adminHeaders(db) });
      expect(csv.headers['x-total-rows']).toBe('2');
      expect(csv.headers['content-disposition']).toMatch(/filename="tills-S1-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = csv.body.split('\r\n');
      expect(lines[0]).toBe(
        '\uFEFFCaisse;Libellé;État;Dernier contact (UTC);Version;Enregistrements à placer;Documents refusés;Créée le (UTC)',
      );
      expect(lines[1]).toMatch(/^T1;;Active;;;0;0;\d{4}-/);
      expect(lines[2]).toMatch(/^T2;"Réserve; fond";Active;;;0;0;\d{4}-/);
    });

    it('counts a till’s refused documents in its backlog, and says 404 for no store', async () => {
      const { db } = ctx();
      await enrolledTills(db, 'S1', ['T1']);
      await db.query(
        `INSERT INTO quarantine (store_id, quarantine_id, collection, till_id, reason, excerpt, doc_sha256, doc_bytes)
         VALUES ('S1', 'q1', 'sales', 'T1', 'bad', '{}', 'x', 2)`,
      );
      expect(((await list('S1')).body as { tills: TillSummary[] }).tills[0]!.syncBacklog).toEqual({
        pendingRecords: 0,
        quarantined: 1,
        unpushed: null,
      });
      expect(await list('S9')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });
  });
}
