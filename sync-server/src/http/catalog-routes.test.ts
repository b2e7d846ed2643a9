import { demoStoreProfile, type StreamEvent } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../server';
import { ean, headOffice, productBody, adminHeaders } from '../test-support/head-office';
import { openSse, type SseStream } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`catalog and store settings at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const opened: SseStream[] = [];
    const extraHubs: Hub[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) s.close();
      for (const h of extraHubs.splice(0)) await h.close();
    });
    const office = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));

    it('PUT creates (201) then replaces (200) a product, with search words and a new catalog sequence each time it changes', async () => {
      const ho = await office();
      const created = await ho.putProduct('prd-1');
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        product: {
          id: 'prd-1',
          sku: 'EPI-001',
          name: 'Pâté de campagne 200 g',
          barcodes: [ean(1)],
          words: ['pate', 'de', 'campagne', '200', 'g'],
          price: 349,
          currency: 'EUR',
          vatRateId: 'FR-5.5',
          measure: 'unit',
          category: 'Épicerie',
        },
        deleted: false,
        seq: 1,
      });
      expect(await ho.putProduct('prd-1')).toMatchObject({ status: 200, body: { seq: 1 } });
      expect(await ho.putProduct('prd-1', productBody({ name: 'Pâté de campagne 180 g' }))).toMatchObject({
        status: 200,
        body: { seq: 2, product: { words: ['pate', 'de', 'campagne', '180', 'g'] } },
      });
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      expect((await client(ctx().hub, till!).pull('products', 0, 10)).documents).toEqual([
        {
          ...(created.body.product as object),
          name: 'Pâté de campagne 180 g',
          words: ['pate', 'de', 'campagne', '180', 'g'],
          _deleted: false,
        },
      ]);
    });

    it('refuses a wrong product with every problem listed (422), a malformed one with 400, and no token with 401', async () => {
      const ho = await office();
      const wrong = await ho.putProduct('prd-1', productBody({ barcodes: ['3760000000018'], vatRateId: 'FR-7', currency: 'eur' }));
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({ error: 'invalid_product', message: expect.stringContaining('wrong check digit') });
      expect((wrong.body.problems as { field: string }[]).map((p) => p.field)).toEqual(['barcodes', 'currency', 'vatRateId']);
      for (const body of [
        productBody({ price: -1 }),
        productBody({ price: 1.5 }),
        { ...productBody(), measure: 'litre' },
        { name: 'no sku' },
      ]) {
        const res = await ho.putProduct('prd-1', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body).toMatchObject({ error: 'bad_request', message: expect.any(String) });
      }
      const anonymous = await ctx().hub.app.inject({ method: 'PUT', url: '/api/v1/admin/products/prd-1', payload: productBody() });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: 'unauthorized' });
      expect(await ctx().db.query('SELECT id FROM catalog_docs')).toEqual([]);
    });

    it('PUT keeps service: true for tills (a service’s note prints from 25 €), drops false, refuses a non-boolean', async () => {
      const ho = await office();
      expect(await ho.putProduct('prd-1', productBody({ service: true }))).toMatchObject({
        status: 201,
        body: { product: { service: true } },
      });
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      expect((await client(ctx().hub, till!).pull('products', 0, 10)).documents).toMatchObject([{ id: 'prd-1', service: true }]);
      const goods = await ho.putProduct('prd-1', productBody({ service: false }));
      expect(goods).toMatchObject({ status: 200, body: { seq: 2 } });
      expect(goods.body.product).not.toHaveProperty('service');
      expect(await ho.putProduct('prd-1', { ...productBody(), service: 'yes' })).toMatchObject({
        status: 400,
        body: { error: 'bad_request' },
      });
    });

    it('a barcode can be on one live product only; a deleted product frees it', async () => {
      const ho = await office();
      await ho.putProduct('prd-1');
      const clash = await ho.putProduct('prd-2', productBody({ sku: 'epi-002', barcodes: [ean(2), ean(1)] }));
      expect(clash).toMatchObject({
        status: 422,
        body: {
          error: 'invalid_product',
          problems: [
            {
              field: 'barcodes',
              message: `barcode ${ean(1)} already belongs to product prd-1 (Pâté de campagne 200 g)`,
              code: 'barcode_taken',
              params: { barcode: ean(1), ownerId: 'prd-1', ownerName: 'Pâté de campagne 200 g' },
            },
          ],
        },
      });
      await ho.deleteProduct('prd-1');
      expect((await ho.putProduct('prd-2', productBody({ sku: 'epi-002', barcodes: [ean(2), ean(1)] }))).status).toBe(201);
    });

    it('PATCH changes the price and DELETE leaves a tombstone, each with a new sequence an offline till catches up with', async () => {
      const ho = await office();
      await ho.putProduct('prd-1');
      await ho.putProduct('prd-2', productBody({ sku: 'epi-002', barcodes: [ean(2)] }));
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const offlineFrom = (await client(ctx().hub, till!).pullAll('products', 0, 100)).checkpoint;
      expect(await ho.changePrice('prd-1', 399)).toMatchObject({ status: 200, body: { product: { price: 399 }, seq: 3, deleted: false } });
      expect(await ho.deleteProduct('prd-2')).toMatchObject({ status: 200, body: { product: { id: 'prd-2' }, seq: 4, deleted: true } });
      // Deleting again changes nothing; a deleted product has no price to change.
      expect(await ho.deleteProduct('prd-2')).toMatchObject({ status: 200, body: { seq: 4 } });
      expect(await ho.changePrice('prd-2', 1)).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await ho.changePrice('prd-404', 1)).toMatchObject({
        status: 404,
        body: { error: 'not_found', message: 'No product prd-404 in the catalog' },
      });
      expect(await ho.deleteProduct('prd-404')).toMatchObject({ status: 404 });
      expect(await ho.changePrice('prd-1', -5)).toMatchObject({ status: 400 });
      const caughtUp = await client(ctx().hub, till!).pullAll('products', offlineFrom, 100);
      expect(caughtUp.documents.map((d) => [d.id, d.price, d._deleted])).toEqual([
        ['prd-1', 399, false],
        ['prd-2', 349, true],
      ]);
    });

    it('PUT store settings: a new store sequence tills pull; checked; its VAT rates become known to the catalog', async () => {
      const ho = await office();
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const put = (body: unknown, storeId = 'S1') => ho.call('PUT', `/api/v1/admin/stores/${storeId}/settings`, body);
      expect(await put(settings)).toEqual({ status: 200, body: { storeId: 'S1', changed: true, seq: 1 } });
      expect(await put(settings)).toEqual({ status: 200, body: { storeId: 'S1', changed: false, seq: 1 } });
      const withRate = {
        ...settings,
        name: 'Épicerie du Port',
        vatRates: [...settings.vatRates, { id: 'FR-8.5', rateBp: 850, code: 'E', label: 'TVA 8,5 % (DOM)' }],
      };
      expect(await put(withRate)).toMatchObject({ status: 200, body: { changed: true, seq: 2 } });
      const pulled = await client(ctx().hub, till!).pull('store_settings', 0, 10);
      expect(pulled.documents).toEqual([{ ...withRate, id: 'profile', _deleted: false }]);
      expect((await ho.putProduct('prd-dom', productBody({ vatRateId: 'FR-8.5' }))).status).toBe(201);

      const badLayout = {
        ...settings,
        variableMeasureLayouts: [{ id: 'x', prefixes: ['20'], itemDigits: 5, valueDigits: 4, valueKind: 'weight_g' }],
      };
      expect(await put(badLayout)).toMatchObject({
        status: 422,
        body: {
          error: 'invalid_settings',
          problems: [{ field: 'variableMeasureLayouts[0]', message: expect.stringContaining('13 digits') }],
        },
      });
      expect(await put({ ...settings, timeZone: 'Mars/Olympus' })).toMatchObject({
        status: 422,
        body: { problems: [{ field: 'timeZone' }] },
      });
      expect(await put({ ...settings, vatRates: [] })).toMatchObject({ status: 400, body: { error: 'bad_request' } });
      expect(await put(settings, 'S404')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });

    it('PUT store settings: a VAT rate changed by law is listed twice with its periods; overlapping periods are refused', async () => {
      const ho = await office();
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const put = (body: unknown) => ho.call('PUT', `/api/v1/admin/stores/S1/settings`, body);
      const change = '2027-01-01T00:00:00.000Z';
      const others = settings.vatRates.filter((r) => r.id !== 'FR-20');
      const changed = {
        ...settings,
        vatRates: [
          ...others,
          { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %', validUntil: change },
          { id: 'FR-20', rateBp: 2100, code: 'D', label: 'TVA 21 %', validFrom: change },
        ],
      };
      expect(await put(changed)).toMatchObject({ status: 200, body: { changed: true } });
      const overlapping = {
        ...settings,
        vatRates: [
          ...others,
          { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %' },
          { id: 'FR-20', rateBp: 2100, code: 'D', label: 'TVA 21 %', validFrom: change },
        ],
      };
      expect(await put(overlapping)).toMatchObject({
        status: 422,
        body: { problems: [{ field: 'vatRates', message: expect.stringContaining('listed twice for the same time') }] },
      });
      expect(await put({ ...changed, vatRates: [...changed.vatRates, { id: 'FR-X', rateBp: 100, code: 'D', label: 'x' }] })).toMatchObject({
        status: 422,
      });
      expect(await put({ ...settings, vatRates: [{ ...settings.vatRates[0]!, validFrom: 'tomorrow' }] })).toMatchObject({ status: 400 });
    });

    it('a price change through the API reaches a till’s stream within 1 s', async () => {
      const ho = await office();
      await ho.putProduct('prd-1');
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      // On PostgreSQL the stream is on another hub instance sharing the database; PGlite serves one process.
      let streamHub = ctx().hub;
      if (target.name === 'postgres') {
        streamHub = await createHub({ database: await ctx().database.openAnother(), port: 0 });
        extraHubs.push(streamHub);
      }
      const url = streamHub.url ?? (await streamHub.listen());
      const stream = await openSse(`${url}/sync/v1/products/stream`, syncHeaders(till!.token, 'products'));
      opened.push(stream);
      expect(await stream.event(0)).toBe('RESYNC');
      const started = Date.now();
      expect((await ho.changePrice('prd-1', 299)).status).toBe(200);
      const event = JSON.parse(await stream.event(1, 1000)) as StreamEvent;
      expect(Date.now() - started).toBeLessThan(1000);
      expect(event.documents).toEqual([expect.objectContaining({ id: 'prd-1', price: 299, _deleted: false })]);
    });
  });
}
