import type { StreamEvent } from '@pos/core';
import { PRICE_LIST_LIMITS } from '@pos/core/sync/head-office-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { saveProducts } from '../catalog/product-writes';
import type { OfficeRole } from '../office/roles';
import { adminHeaders, ean, headOffice, productBody } from '../test-support/head-office';
import { signedInAs } from '../test-support/office-users';
import { openSse, type SseStream } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const LISTS = '/api/v1/admin/price-lists';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`price lists on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const opened: SseStream[] = [];
    afterEach(() => {
      for (const s of opened.splice(0)) s.close();
    });

    async function seed() {
      const ho = headOffice(ctx().hub, await adminHeaders(ctx().db));
      for (const n of [1, 2, 3])
        await ho.putProduct(`p${n}`, productBody({ sku: `sku-${n}`, name: `Produit ${n}`, barcodes: [ean(n)], price: 100 * n }));
      await ho.deleteProduct('p3');
      return ho;
    }

    const signedIn = (role: OfficeRole) => signedInAs(ctx().hub, ctx().db, role);

    it('creates, replaces, lists, reads and deletes a list (a tombstone)', async () => {
      const ho = await seed();
      const body = {
        name: '  Grossistes  ',
        entries: [
          { productId: 'p2', price: 150 },
          { productId: 'p1', price: 90 },
        ],
      };
      expect(await ho.call('PUT', `${LISTS}/pl-gros`, body)).toMatchObject({
        status: 201,
        body: {
          priceList: {
            id: 'pl-gros',
            name: 'Grossistes',
            entries: [
              { productId: 'p1', price: 90 },
              { productId: 'p2', price: 150 },
            ],
          },
          deleted: false,
        },
      });
      expect((await ho.call('PUT', `${LISTS}/pl-gros`, { name: 'Grossistes', entries: [{ productId: 'p1', price: 80 }] })).status).toBe(
        200,
      );
      await ho.call('PUT', `${LISTS}/pl-asso`, { name: 'Associations', entries: [] });
      expect(await ho.call('GET', LISTS)).toEqual({
        status: 200,
        body: {
          priceLists: [
            { id: 'pl-asso', name: 'Associations', entryCount: 0 },
            { id: 'pl-gros', name: 'Grossistes', entryCount: 1 },
          ],
        },
      });
      expect(await ho.call('GET', `${LISTS}/pl-gros`)).toMatchObject({
        status: 200,
        body: { priceList: { name: 'Grossistes', entries: [{ productId: 'p1', price: 80 }] }, deleted: false },
      });
      expect(await ho.call('DELETE', `${LISTS}/pl-gros`)).toMatchObject({ status: 200, body: { deleted: true } });
      expect(await ho.call('GET', `${LISTS}/pl-gros`)).toMatchObject({ status: 200, body: { deleted: true } });
      expect((await ho.call('GET', LISTS)).body).toEqual({ priceLists: [{ id: 'pl-asso', name: 'Associations', entryCount: 0 }] });
      expect(await ho.call('DELETE', `${LISTS}/pl-none`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await ho.call('GET', `${LISTS}/pl-none`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });

    it('refuses a bad list with coded problems, unknown (or deleted) products listed', async () => {
      const ho = await seed();
      const put = (id: string, body: unknown) => ho.call('PUT', `${LISTS}/${id}`, body);
      expect(
        await put('pl', {
          name: 'L',
          entries: [
            { productId: 'p1', price: 1 },
            { productId: 'p3', price: 1 },
            { productId: 'p9', price: 1 },
          ],
        }),
      ).toMatchObject({
        status: 422,
        body: {
          error: 'invalid_price_list',
          problems: [{ field: 'entries', code: 'unknown_products', params: { productIds: 'p3, p9', count: '2' } }],
        },
      });
      const twice = await put('pl', {
        name: ' ',
        entries: [
          { productId: 'p1', price: 1 },
          { productId: 'p1', price: 2 },
          { productId: 'a b', price: 2 },
        ],
      });
      expect(twice).toMatchObject({ status: 422, body: { error: 'invalid_price_list' } });
      expect((twice.body.problems as { code: string }[]).map((p) => p.code)).toEqual([
        'invalid_list_name',
        'duplicate_entry',
        'invalid_product_id',
      ]);
      expect(await put('bad%20id', { name: 'L', entries: [] })).toMatchObject({
        status: 422,
        body: { problems: [{ code: 'invalid_list_id' }] },
      });
      for (const body of [
        { name: 'L', entries: [{ productId: 'p1', price: 100_000_001 }] },
        { name: 'L', entries: [{ productId: 'p1', price: -1 }] },
        { name: 'L', entries: [{ productId: 'p1', price: 1.5 }] },
        { name: 'x'.repeat(101), entries: [] },
        { name: 'L', entries: Array.from({ length: 20_001 }, (_, i) => ({ productId: `p${i}`, price: 1 })) },
        { name: 'L' },
      ])
        expect(await put('pl', body)).toMatchObject({
          status: 400,
          body: { error: expect.stringMatching(/^(bad_request|invalid_body)$/) },
        });
      expect((await ho.call('GET', LISTS)).body).toEqual({ priceLists: [] });
    });

    it('takes a list of 20,000 entries, the bound, whole', async () => {
      const ho = await seed();
      const many = Array.from({ length: PRICE_LIST_LIMITS.maxEntries }, (_, i) => `m${String(i).padStart(5, '0')}`);
      const products = many.map((id, i) => ({
        ...productBody({ sku: id, name: id, barcodes: [], price: 100 + i }),
        // A body's service is a boolean, a product's only ever true: these are goods.
        service: undefined,
        id,
        words: [id],
        category: '',
      }));
      expect(await saveProducts(ctx().db, products)).toMatchObject({ ok: true });
      const entries = many.map((productId, i) => ({ productId, price: i }));
      expect(await ho.call('PUT', `${LISTS}/pl-big`, { name: 'Big', entries })).toMatchObject({ status: 201 });
      expect((await ho.call('GET', LISTS)).body).toEqual({
        priceLists: [{ id: 'pl-big', name: 'Big', entryCount: PRICE_LIST_LIMITS.maxEntries }],
      });
      const read = await ho.call('GET', `${LISTS}/pl-big`);
      expect((read.body.priceList as { entries: unknown[] }).entries).toEqual(entries);
    });

    it('managers read lists without changing them; accountants do not see them', async () => {
      const ho = await seed();
      await ho.call('PUT', `${LISTS}/pl`, { name: 'L', entries: [{ productId: 'p1', price: 5 }] });
      await createStore(ctx().db, { storeId: 'S1', name: 'S1' });
      const manager = await signedIn('store-manager');
      expect((await manager.call('GET', LISTS)).status).toBe(200);
      expect((await manager.call('GET', `${LISTS}/pl`)).status).toBe(200);
      expect(await manager.call('PUT', `${LISTS}/pl`, { name: 'L', entries: [] })).toMatchObject({
        status: 403,
        body: { error: 'forbidden' },
      });
      expect(await manager.call('DELETE', `${LISTS}/pl`)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      const accountant = await signedIn('accountant');
      expect(await accountant.call('GET', LISTS)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    });

    it('a list written in the back office reaches an online till’s price_lists stream less than 1 s after the answer', async () => {
      await seed();
      const admin = await signedIn('admin');
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const stream = await openSse(`${await ctx().hub.listen()}/sync/v1/price_lists/stream`, syncHeaders(till!.token, 'price_lists'));
      opened.push(stream);
      expect(await stream.event(0)).toBe('RESYNC');
      expect((await admin.call('PUT', `${LISTS}/pl`, { name: 'L', entries: [{ productId: 'p2', price: 175 }] })).status).toBe(201);
      const answered = Date.now();
      const event = JSON.parse(await stream.event(1, 1000)) as StreamEvent;
      expect(Date.now() - answered).toBeLessThan(1000);
      expect(event.documents).toEqual([{ id: 'pl', name: 'L', entries: [{ productId: 'p2', price: 175 }], _deleted: false }]);
      expect((await admin.call('DELETE', `${LISTS}/pl`)).status).toBe(200);
      const deleted = JSON.parse(await stream.event(2, 1000)) as StreamEvent;
      expect(deleted.documents).toEqual([expect.objectContaining({ id: 'pl', _deleted: true })]);
    });
  });
}
