import { SCHEMA_VERSION_HEADER, SYNC_COLLECTIONS } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { revokeTill } from '../auth/revoke-till';
import { createHub } from '../server';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, saleDoc, syncHeaders, useTestHub } from '../test-support/test-hub';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`sync request checks on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    const pull = (headers: Record<string, string>, collection = 'products') =>
      ctx().hub.app.inject({ url: `/sync/v1/${collection}/pull`, headers });

    it('no token, a malformed token, an unknown token: 401 with a clear body', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const cases: Record<string, string>[] = [
        syncHeaders(null, 'products'),
        { ...syncHeaders(null, 'products'), authorization: 'Basic abc' },
        syncHeaders('no-dot-here', 'products'),
        syncHeaders(`${till!.token}x`, 'products'),
        syncHeaders(`S2.${till!.token.split('.')[1]}`, 'products'),
      ];
      for (const headers of cases) {
        const res = await pull(headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(401);
        expect(res.json()).toEqual({ error: 'unauthorized', message: expect.stringMatching(/token/) });
      }
    });

    it('a revoked till gets 401 on every route, within moments (the revocation is announced to every hub instance)', async () => {
      const [till, other] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      expect((await pull(syncHeaders(till!.token, 'products'))).statusCode).toBe(200);
      expect(await revokeTill(ctx().db, { storeId: 'S1', tillId: 'T1' })).toEqual({ revokedTokens: 1 });
      await expect
        .poll(async () => (await pull(syncHeaders(till!.token, 'products'))).statusCode, { timeout: 1000, interval: 5 })
        .toBe(401);
      const res = await pull(syncHeaders(till!.token, 'products'));
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toMatch(/revoked/);
      const push = await ctx().hub.app.inject({
        method: 'POST',
        url: '/sync/v1/sales/push',
        headers: syncHeaders(till!.token, 'sales'),
        payload: { rows: [{ newDocumentState: saleDoc(till!, 'x') }] },
      });
      expect(push.statusCode).toBe(401);
      expect(await ctx().db.query('SELECT 1 FROM store_docs')).toEqual([]);
      // The other till of the store is not affected.
      expect((await pull(syncHeaders(other!.token, 'products'))).statusCode).toBe(200);
    });

    it('the schema version: missing 400, older than the minimum 426 (update the till), newer than the hub 409', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const missing = await pull(syncHeaders(till!.token, 'products', null));
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ error: 'schema_version_missing', message: expect.stringContaining(SCHEMA_VERSION_HEADER) });
      const garbled = await pull({ ...syncHeaders(till!.token, 'products', null), [SCHEMA_VERSION_HEADER]: 'v2' });
      expect(garbled.statusCode).toBe(400);

      // Every collection is at version 0 today: pretend one moved on, as a future release will.
      const products = SYNC_COLLECTIONS.find((c) => c.name === 'products')! as { minSchemaVersion: number; schemaVersion: number };
      const saved = { ...products };
      try {
        products.schemaVersion = 3;
        products.minSchemaVersion = 2;
        const old = await pull(syncHeaders(till!.token, 'products', 1));
        expect(old.statusCode).toBe(426);
        expect(old.json()).toEqual({ error: 'upgrade_required', message: expect.stringMatching(/too old.*Update the till/s) });
        expect((await pull(syncHeaders(till!.token, 'products', 2))).statusCode).toBe(200);
        expect((await pull(syncHeaders(till!.token, 'products', 3))).statusCode).toBe(200);
        const newer = await pull(syncHeaders(till!.token, 'products', 4));
        expect(newer.statusCode).toBe(409);
        expect(newer.json()).toEqual({ error: 'hub_outdated', message: expect.stringContaining('Update the hub') });
      } finally {
        Object.assign(products, saved);
      }
    });

    it('rate limit per device token: 429 with a clear body; another till is not slowed', async () => {
      const [a, b] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const strict = await createHub({ database: ctx().db, rateLimit: { max: 5, timeWindowMs: 60_000 } });
      try {
        const get = (token: string) => strict.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(token, 'products') });
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push((await get(a!.token)).statusCode);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
        expect((await get(a!.token)).json()).toEqual({ error: 'rate_limited', message: expect.stringContaining('retry') });
        expect((await get(b!.token)).statusCode).toBe(200);
      } finally {
        await strict.close();
      }
    });

    it('unknown routes answer 404 with the same body shape', async () => {
      const res = await ctx().hub.app.inject({ url: '/sync/v2/products/pull' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found', message: expect.stringContaining('/sync/v2/products/pull') });
    });
  });
}
