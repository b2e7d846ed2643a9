import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { adminHeaders, ean, headOffice, productBody } from '../test-support/head-office';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';

type Page = { rows: Record<string, unknown>[]; next: string | null };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the Stock page's routes on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    /** Stores S1, S2, S3 and three products: 12 of prd-1, −2 of prd-2 (counted), 3 kg of cheese in S1. */
    async function stocked() {
      const { db, hub } = ctx();
      const ho = headOffice(hub, await adminHeaders(db));
      for (const storeId of ['S1', 'S2', 'S3']) await createStore(db, { storeId, name: storeId });
      await ho.putProduct('prd-1');
      await ho.putProduct('prd-2', productBody({ sku: 'bis-2', name: 'Biscuits sablés', barcodes: [ean(2)] }));
      await ho.putProduct('prd-3', productBody({ sku: 'cre-3', name: 'Comté au kg', barcodes: [ean(3)], measure: 'weight' }));
      const received = await ho.movements('S1', [
        { movementId: 'DEL-1:1', productId: 'prd-1', kind: 'receipt', quantity: 12 },
        { movementId: 'DEL-1:2', productId: 'prd-2', kind: 'receipt', quantity: 3 },
        { movementId: 'DEL-1:3', productId: 'prd-3', kind: 'receipt', quantity: 3000 },
      ]);
      expect(received.status).toBe(200);
      // A count gives the quantity on the shelf; the hub records the difference to its level.
      const counted = await ho.movements('S1', [{ movementId: 'INV-1:prd-2', productId: 'prd-2', kind: 'count_adjustment', counted: 0 }]);
      expect(counted.body).toEqual({ recorded: 1, alreadyRecorded: 0, levels: [{ productId: 'prd-2', level: 0 }] });
      await ho.movements('S1', [{ movementId: 'LOSS-1', productId: 'prd-2', kind: 'count_adjustment', quantity: -2 }]);
      return ho;
    }

    it('lists levels with names, searches, keeps to negatives, pages by product; movements filtered and paged newest first', async () => {
      const ho = await stocked();
      const levels = await ho.call('GET', '/api/v1/admin/stores/S1/stock');
      expect(levels).toEqual({
        status: 200,
        body: {
          rows: [
            { productId: 'prd-1', sku: 'EPI-001', name: 'Pâté de campagne 200 g', level: 12, updatedAt: expect.any(String) },
            { productId: 'prd-2', sku: 'BIS-2', name: 'Biscuits sablés', level: -2, updatedAt: expect.any(String) },
            { productId: 'prd-3', sku: 'CRE-3', name: 'Comté au kg', level: 3000, updatedAt: expect.any(String) },
          ],
          next: null,
        },
      });
      const ids = async (query: string) =>
        ((await ho.call('GET', `/api/v1/admin/stores/S1/stock?${query}`)).body as Page).rows.map((r) => r.productId);
      expect(await ids('q=pate')).toEqual(['prd-1']);
      expect(await ids('q=sabl')).toEqual(['prd-2']);
      expect(await ids(`q=${ean(3)}`)).toEqual(['prd-3']);
      expect(await ids('q=prd-2')).toEqual(['prd-2']);
      expect(await ids('negative=true')).toEqual(['prd-2']);
      const first = (await ho.call('GET', '/api/v1/admin/stores/S1/stock?limit=2')).body as Page;
      expect(first.rows.map((r) => r.productId)).toEqual(['prd-1', 'prd-2']);
      expect(await ids(`limit=2&cursor=${first.next}`)).toEqual(['prd-3']);
      expect(await ids('')).toHaveLength(3);
      expect((await ho.call('GET', '/api/v1/admin/stores/S1/stock/exceptions')).body).toEqual({
        exceptions: [
          { storeId: 'S1', productId: 'prd-2', level: -2, updatedAt: expect.any(String), sku: 'BIS-2', name: 'Biscuits sablés' },
        ],
      });

      const movements = async (query: string) => (await ho.call('GET', `/api/v1/admin/stores/S1/stock/movements?${query}`)).body as Page;
      expect((await movements('')).rows.map((r) => [r.movementId, r.quantityDelta])).toEqual([
        ['admin:LOSS-1', -2],
        ['admin:INV-1:prd-2', -3],
        ['admin:DEL-1:3', 3000],
        ['admin:DEL-1:2', 3],
        ['admin:DEL-1:1', 12],
      ]);
      expect((await movements('productId=prd-2&kind=count_adjustment')).rows).toEqual([
        expect.objectContaining({
          movementId: 'admin:LOSS-1',
          name: 'Biscuits sablés',
          kind: 'count_adjustment',
          sourceCollection: 'admin',
        }),
        expect.objectContaining({ movementId: 'admin:INV-1:prd-2', sourceId: 'INV-1:prd-2' }),
      ]);
      const seen: unknown[] = [];
      let page = await movements('limit=2');
      for (;;) {
        seen.push(...page.rows.map((r) => r.movementId));
        if (page.next === null) break;
        page = await movements(`limit=2&cursor=${page.next}`);
      }
      expect(seen).toEqual((await movements('')).rows.map((r) => r.movementId));
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await movements(`from=${future}`)).rows).toEqual([]);
      expect((await movements(`to=${future}`)).rows).toHaveLength(5);

      // Both tables as files: every row the filters select, whatever the page size.
      const file = async (path: string) =>
        ctx().hub.app.inject({ method: 'GET', url: `/api/v1/admin/stores/S1/${path}`, headers: await adminHeaders(ctx().db) });
      const csv = await file('stock?format=csv&lang=en&negative=true&limit=1');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="stock-S1-\d{4}-\d\d-\d\d\.csv"$/);
      expect(
        csv.body
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n'),
      ).toEqual([
        'Product,Name,Reference,Stock (pieces or grams),Updated (UTC)',
        expect.stringMatching(/^prd-2,Biscuits sablés,BIS-2,-2,/),
      ]);
      const sheet = await file('stock/movements?format=xlsx&kind=receipt');
      expect(sheet.statusCode).toBe(200);
      expect(sheet.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect((await file('stock/movements?format=csv&productId=prd-404')).body.trim().split('\r\n')).toHaveLength(1);
    });

    it('moves stock between stores once, however often retried; another body under the id is refused', async () => {
      const ho = await stocked();
      const transfer = { id: 'TR-2026-1', from: 'S1', to: 'S2', lines: [{ productId: 'prd-1', quantity: 5 }], note: 'Vitrine' };
      const applied = await ho.call('POST', '/api/v1/admin/stock-transfers', transfer);
      expect(applied).toEqual({
        status: 200,
        body: {
          id: 'TR-2026-1',
          applied: true,
          createdAt: expect.any(String),
          levels: { from: [{ productId: 'prd-1', level: 7 }], to: [{ productId: 'prd-1', level: 5 }] },
        },
      });
      const again = await Promise.all([1, 2].map(() => ho.call('POST', '/api/v1/admin/stock-transfers', transfer)));
      for (const answer of again) expect(answer).toEqual({ status: 200, body: { ...applied.body, applied: false } });
      const moved = await ho.call('GET', '/api/v1/admin/stores/S2/stock/movements');
      expect((moved.body as Page).rows).toEqual([
        expect.objectContaining({ kind: 'transfer_in', quantityDelta: 5, sourceCollection: 'transfer', sourceId: 'TR-2026-1' }),
      ]);
      expect(await ho.call('POST', '/api/v1/admin/stock-transfers', { ...transfer, note: 'Autre' })).toMatchObject({
        status: 409,
        body: { error: 'transfer_conflict' },
      });
      expect(((await ho.call('GET', '/api/v1/admin/stores/S1/stock?q=prd-1')).body as Page).rows[0]!.level).toBe(7);
    });

    it('refuses bad input with codes: nothing moved', async () => {
      const ho = await stocked();
      const post = (body: unknown) => ho.call('POST', '/api/v1/admin/stock-transfers', body);
      const refused = await post({
        id: 'bad id',
        from: 'S1',
        to: 'S1',
        lines: [
          { productId: 'prd-404', quantity: 1 },
          { productId: 'prd-1', quantity: 1 },
          { productId: 'prd-1', quantity: 2 },
        ],
      });
      expect(refused).toMatchObject({ status: 422, body: { error: 'invalid_transfer' } });
      expect((refused.body.problems as { field: string }[]).map((p) => p.field)).toEqual([
        'id',
        'to',
        'lines[0].productId',
        'lines[2].productId',
      ]);
      expect((await post({ id: 'T', from: 'S1', to: 'S9', lines: [{ productId: 'prd-1', quantity: 1 }] })).body).toMatchObject({
        error: 'invalid_transfer',
        problems: [{ field: 'to', message: 'no store S9' }],
      });
      for (const body of [
        { id: 'T', from: 'S1', to: 'S2', lines: [] },
        { id: 'T', from: 'S1', to: 'S2', lines: [{ productId: 'prd-1', quantity: 0 }] },
        { id: 'T', from: 'S1', to: 'S2', lines: [{ productId: 'prd-1', quantity: 1 }], note: 'x'.repeat(501) },
        { id: 'T', from: 'S1', to: 'S2', lines: Array.from({ length: 201 }, (_, i) => ({ productId: `p${i}`, quantity: 1 })) },
      ])
        expect(await post(body)).toMatchObject({ status: 400, body: { error: 'bad_request' } });
      const count = await ho.movements('S1', [{ movementId: 'C', productId: 'prd-1', kind: 'receipt', counted: 3 }]);
      expect(count).toMatchObject({ status: 422, body: { error: 'invalid_movements', problems: [{ field: 'movements[0].counted' }] } });
      for (const query of ['cursor=nope', 'limit=201', 'q=' + 'x'.repeat(101)])
        expect((await ho.call('GET', `/api/v1/admin/stores/S1/stock?${query}`)).status).toBe(400);
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      expect(await ho.call('GET', `/api/v1/admin/stores/S1/stock/movements?cursor=${forged}`)).toMatchObject({
        status: 400,
        body: { error: 'invalid_cursor' },
      });
      expect((await ho.call('GET', '/api/v1/admin/stores/S1/stock/movements?from=monday')).status).toBe(400);
      expect(await ho.call('GET', '/api/v1/admin/stores/S9/stock')).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await ho.call('GET', '/api/v1/admin/stores/S9/stock/movements?format=csv')).toMatchObject({ status: 404 });
      expect(((await ho.call('GET', '/api/v1/admin/stores/S2/stock')).body as Page).rows).toEqual([]);
    });

    it('lets a user transfer only between stores they move stock in', async () => {
      await stocked();
      const { db, hub } = ctx();
      const browserOf = async (email: string, role: 'regional' | 'store-manager', stores: string[]) => {
        await readyUser(db, { email, role, stores });
        const browser = new OfficeBrowser(hub);
        expect((await browser.signIn(email)).status).toBe(200);
        return browser;
      };
      const manager = await browserOf('manager@example.com', 'store-manager', ['S1']);
      const regional = await browserOf('regional@example.com', 'regional', ['S1', 'S3']);
      const line = [{ productId: 'prd-1', quantity: 1 }];
      expect(await manager.call('POST', '/api/v1/admin/stock-transfers', { id: 'A', from: 'S1', to: 'S2', lines: line })).toMatchObject({
        status: 403,
        body: { error: 'forbidden' },
      });
      expect((await regional.call('POST', '/api/v1/admin/stock-transfers', { id: 'B', from: 'S2', to: 'S1', lines: line })).status).toBe(
        403,
      );
      expect((await regional.call('POST', '/api/v1/admin/stock-transfers', { id: 'C', from: 'S1', to: 'S3', lines: line })).status).toBe(
        200,
      );
      // An API key acts within its scopes and its owner's stores, both checked for each store of the transfer.
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const keyOf = async (scopes: string[], stores?: string[], owner = regional) =>
        headOffice(hub, {
          authorization: `Bearer ${(await owner.call('POST', '/api/v1/office/api-keys', { label: 'k', scopes, stores, expiresAt })).body.secret as string}`,
        });
      const key = await keyOf(['store.stock']);
      expect((await key.call('POST', '/api/v1/admin/stock-transfers', { id: 'D', from: 'S3', to: 'S1', lines: line })).status).toBe(200);
      expect((await key.call('POST', '/api/v1/admin/stock-transfers', { id: 'E', from: 'S3', to: 'S2', lines: line })).status).toBe(403);
      const reader = await keyOf(['store.read']);
      expect((await reader.call('POST', '/api/v1/admin/stock-transfers', { id: 'F', from: 'S3', to: 'S1', lines: line })).status).toBe(403);
      // A key narrowed to some stores passes the guard (the body names the stores) and the route holds it to them.
      const wide = await browserOf('wide@example.com', 'regional', ['S1', 'S2', 'S3']);
      const s1 = await keyOf(['store.stock', 'store.read'], ['S1'], wide);
      expect(await s1.call('POST', '/api/v1/admin/stock-transfers', { id: 'G', from: 'S1', to: 'S2', lines: line })).toMatchObject({
        status: 403,
        body: { error: 'forbidden' },
      });
      expect((await s1.call('GET', '/api/v1/admin/stores')).body).toEqual({ stores: [{ storeId: 'S1', name: 'S1' }] });
      const s1s2 = await keyOf(['store.stock'], ['S1', 'S2'], wide);
      expect((await s1s2.call('POST', '/api/v1/admin/stock-transfers', { id: 'H', from: 'S1', to: 'S2', lines: line })).status).toBe(200);
      expect((await s1s2.call('POST', '/api/v1/admin/stock-transfers', { id: 'I', from: 'S2', to: 'S3', lines: line })).status).toBe(403);
      expect((await manager.call('GET', '/api/v1/admin/stores/S1/stock/exceptions')).status).toBe(200);
      expect((await manager.call('GET', '/api/v1/admin/stores/S3/stock')).status).toBe(403);
    });

    it('refuses movements over a period outside 1970–9999 or the wrong way round with 400 bad_request, the file too', async () => {
      const { db, hub } = ctx();
      await createStore(db, { storeId: 'S1', name: 'Store S1' });
      const ho = headOffice(hub, await adminHeaders(db));
      for (const query of [
        'from=0000-01-01T00:00:00Z',
        'to=1969-12-31T23:59:59Z',
        'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
        'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z&format=csv',
      ]) {
        const refused = await ho.call('GET', `/api/v1/admin/stores/S1/stock/movements?${query}`);
        expect([query, refused.status, refused.body.error]).toEqual([query, 400, 'bad_request']);
      }
    });
  });
}
