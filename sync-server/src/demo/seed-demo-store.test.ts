import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CATALOG_SIZE, demoProduct, demoStoreProfile } from '@pos/core';
import { afterAll, describe, expect, it } from 'vitest';
import { readHubFile } from '../cli/hub-file';
import { serve } from '../cli/serve-command';
import { issueEnrollmentCode, enrollDevice } from '../auth/enrollment';
import { requestJson } from '../test-support/sse-client';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, syncHeaders, useTestHub } from '../test-support/test-hub';
import { seedDemoStore } from './seed-demo-store';
import { DEMO_ADMIN_FILE } from './seed-demo-admin';
import { enrollmentRequest } from '../test-support/till-keys';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the demo store on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-hub-demo-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const catalogSeq = async () => (await ctx().db.query<{ seq: number }>('SELECT seq FROM catalog_counter'))[0]?.seq;

    it('creates store S001, till T01, its settings and the 2,000-product catalog; a second run adds nothing and keeps head office’s edits', async () => {
      const { db, hub } = ctx();
      expect(await seedDemoStore(db)).toEqual({
        storeCreated: true,
        tillCreated: true,
        settingsCreated: true,
        productsCreated: DEMO_CATALOG_SIZE,
        products: DEMO_CATALOG_SIZE,
      });
      expect(await db.query('SELECT store_id, name FROM stores')).toEqual([{ store_id: 'S001', name: 'Épicerie du Marché' }]);
      expect(await catalogSeq()).toBe(DEMO_CATALOG_SIZE);

      const { code } = await issueEnrollmentCode(db, { storeId: 'S001', tillId: 'T01' });
      const till = { storeId: 'S001', tillId: 'T01', token: (await enrollDevice(db, enrollmentRequest(code))).token };
      const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S001', 'T01');
      expect((await client(hub, till).pull('store_settings', 0, 10)).documents).toEqual([{ ...settings, id: 'profile', _deleted: false }]);
      const products = await client(hub, till).pullAll('products', 0, 1000);
      expect(products.pages.map((p) => p.documents.length)).toEqual([1000, 1000]);
      expect(products.documents[1500]).toEqual({ ...demoProduct(1500), _deleted: false });

      const ho = headOffice(hub, await adminHeaders(db));
      await ho.changePrice(demoProduct(0).id, 1);
      await ho.deleteProduct(demoProduct(1).id);
      expect(await seedDemoStore(db)).toEqual({
        storeCreated: false,
        tillCreated: false,
        settingsCreated: false,
        productsCreated: 0,
        products: DEMO_CATALOG_SIZE,
      });
      expect(await catalogSeq()).toBe(DEMO_CATALOG_SIZE + 2);
      const [edited] = await db.query<{ price: number }>("SELECT (doc ->> 'price')::int AS price FROM catalog_docs WHERE id = $1", [
        demoProduct(0).id,
      ]);
      expect(edited!.price).toBe(1);
      expect(
        (await db.query<{ deleted: boolean }>('SELECT deleted FROM catalog_docs WHERE id = $1', [demoProduct(1).id]))[0]!.deleted,
      ).toBe(true);
    });

    it('a bigger generated catalog goes in batches, one counter update each, and only the missing products are added', async () => {
      const { db } = ctx();
      await seedDemoStore(db, { products: 3000 });
      const progress: number[] = [];
      expect(await seedDemoStore(db, { products: 12_000, batchSize: 5000, onProgress: (done) => progress.push(done) })).toMatchObject({
        productsCreated: 9000,
        products: 12_000,
      });
      expect(progress).toEqual([5000, 10_000, 12_000]);
      expect(await catalogSeq()).toBe(12_000);
      const [gaps] = await db.query<{ n: number; max: number }>(
        "SELECT count(*)::int8 AS n, max(seq) AS max FROM catalog_docs WHERE collection = 'products'",
      );
      expect(gaps).toEqual({ n: 12_000, max: 12_000 });
    });

    it('serve --demo: the hub starts with the demo store, ready to enroll T01', async () => {
      const lines: string[] = [];
      const database =
        target.name === 'postgres'
          ? ({ kind: 'postgres', url: ctx().database.url! } as const)
          : ({ kind: 'pglite', dataDir: path.join(dir, 'served') } as const);
      const hub = await serve({
        database,
        port: 0,
        host: '127.0.0.1',
        demo: { products: DEMO_CATALOG_SIZE, onSeeded: (line) => lines.push(line) },
      });
      try {
        expect(lines[0]).toBe(
          `demo store S001 (till T01) ready: ${DEMO_CATALOG_SIZE} demo products, ${DEMO_CATALOG_SIZE} added now, store created, settings created`,
        );
        // The demo administrator: its password in the data directory (PGlite) or said once (PostgreSQL), and it signs in.
        expect(lines[1]).toMatch(/^demo administrator admin@demo\.local created: password /);
        const password =
          database.kind === 'pglite'
            ? (JSON.parse(readFileSync(path.join(database.dataDir, DEMO_ADMIN_FILE), 'utf8')) as { password: string }).password
            : /password (\S+)$/.exec(lines[1]!)![1]!;
        const signedIn = await requestJson(`${hub.url}/api/v1/office/session`, {
          method: 'POST',
          body: { email: 'admin@demo.local', password },
        });
        expect(signedIn).toMatchObject({
          status: 200,
          body: { user: { role: 'admin' }, setup: { passwordChange: false, totpEnrollment: true } },
        });
        // A code for T01: through the serving hub's admin route (PGlite: it holds the directory), or from PostgreSQL.
        const hubFile = target.name === 'pglite' ? await readHubFile(database.kind === 'pglite' ? database.dataDir! : '') : null;
        const code = hubFile
          ? (
              (
                await requestJson(`${hub.url}/api/v1/admin/enrollments`, {
                  method: 'POST',
                  headers: { authorization: `Bearer ${hubFile.adminToken}` },
                  body: { storeId: 'S001', tillId: 'T01' },
                })
              ).body as { code: string }
            ).code
          : (await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' })).code;
        const enrolled = await requestJson(`${hub.url}/api/v1/enroll`, { method: 'POST', body: enrollmentRequest(code) });
        expect(enrolled.body).toMatchObject({ storeId: 'S001', tillId: 'T01' });
        const token = (enrolled.body as { token: string }).token;
        const page = await requestJson(`${hub.url}/sync/v1/products/pull?limit=5`, { headers: syncHeaders(token, 'products') });
        expect(page.body).toMatchObject({ remaining: DEMO_CATALOG_SIZE - 5 });
      } finally {
        await hub.close();
      }
    });
  });
}
