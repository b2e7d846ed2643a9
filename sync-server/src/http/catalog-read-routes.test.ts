import type { StreamEvent } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import type { OfficeRole } from '../office/roles';
import { adminHeaders, ean, headOffice, productBody } from '../test-support/head-office';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { openSse, type SseStream } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const ids = (answer: { body: Record<string, unknown> }) => (answer.body.products as { id: string }[]).map((p) => p.id);

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the back office reads the catalog on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const opened: SseStream[] = [];
    afterEach(() => {
      for (const s of opened.splice(0)) s.close();
    });
    const office = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));

    async function seed() {
      const ho = await office();
      const put = (id: string, n: number, name: string, category: string) =>
        ho.putProduct(id, productBody({ sku: `sku-${n}`, name, barcodes: [ean(n)], category, price: 100 * n }));
      await put('p1', 1, 'Pâté de campagne 200 g', 'Épicerie');
      await put('p2', 2, 'Pain de campagne', 'Boulangerie');
      await put('p3', 3, 'Baguette tradition', 'Boulangerie');
      await put('p4', 4, 'Campari 70 cl', 'Boissons');
      await put('p5', 5, 'Pâtes fraîches', 'Épicerie');
      await ho.deleteProduct('p5');
      return ho;
    }

    async function signedIn(role: OfficeRole): Promise<OfficeBrowser> {
      const email = `${role}@example.com`;
      const { totpSecret } = await readyUser(ctx().db, { email, role, stores: role === 'admin' ? [] : ['S1'] });
      const browser = new OfficeBrowser(ctx().hub);
      expect((await browser.signIn(email, undefined, totpSecret)).status).toBe(200);
      return browser;
    }

    it('searches live products by word prefixes (any case or accent), id, SKU or barcode, by category, a page at a time', async () => {
      const ho = await seed();
      const get = (query: string) => ho.call('GET', `/api/v1/admin/products${query}`);
      expect(ids(await get(''))).toEqual(['p1', 'p2', 'p3', 'p4']);
      expect(ids(await get('?q=CAMP'))).toEqual(['p1', 'p2', 'p4']);
      expect(ids(await get('?q=camp%20pat'))).toEqual(['p1']);
      expect(ids(await get('?q=pat'))).toEqual(['p1']);
      // A single letter is a whole word (the "g" of "200 g"), not the start of every word in g.
      expect(ids(await get('?q=g'))).toEqual(['p1']);
      expect(ids(await get('?q=p3'))).toEqual(['p3']);
      expect(ids(await get('?q=sku-2'))).toEqual(['p2']);
      expect(ids(await get(`?q=${ean(4)}`))).toEqual(['p4']);
      expect(ids(await get('?q=nothing'))).toEqual([]);
      expect(ids(await get(`?category=${encodeURIComponent('Boulangerie')}&q=campagne`))).toEqual(['p2']);
      const first = await get('?limit=3');
      expect(first.body).toMatchObject({ next: 'p3' });
      expect((first.body.products as unknown[])[0]).toEqual({
        id: 'p1',
        sku: 'SKU-1',
        name: 'Pâté de campagne 200 g',
        barcodes: [ean(1)],
        words: ['pate', 'de', 'campagne', '200', 'g'],
        price: 100,
        currency: 'EUR',
        vatRateId: 'FR-5.5',
        measure: 'unit',
        category: 'Épicerie',
      });
      expect(await get('?limit=3&after=p3')).toMatchObject({ status: 200, body: { products: [{ id: 'p4' }], next: null } });
    });

    it('exports the products selected as a CSV file with the import’s columns, which imports again unchanged', async () => {
      const ho = await seed();
      const file = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/products?format=csv&lang=fr&category=Boulangerie',
        headers: await adminHeaders(ctx().db),
      });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(file.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
        'id;sku;name;barcodes;price;vat_rate;measure;category;service',
        `p2;SKU-2;Pain de campagne;${ean(2)};2,00;FR-5.5;unit;Boulangerie;no`,
        `p3;SKU-3;Baguette tradition;${ean(3)};3,00;FR-5.5;unit;Boulangerie;no`,
        '',
      ]);
      expect(await ho.importCsv(file.rawPayload, '?dryRun=true')).toMatchObject({
        status: 200,
        body: { rows: 2, written: 0, unchanged: 2 },
      });
    });

    it('reads one product (a deleted one says so), the categories and the VAT rates; refuses bad input with its code', async () => {
      const ho = await seed();
      expect(await ho.call('GET', '/api/v1/admin/products/p2')).toMatchObject({
        status: 200,
        body: { product: { id: 'p2', name: 'Pain de campagne' }, deleted: false, seq: 2 },
      });
      expect(await ho.call('GET', '/api/v1/admin/products/p5')).toMatchObject({ status: 200, body: { deleted: true } });
      expect(await ho.call('GET', '/api/v1/admin/products/p404')).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await ho.call('GET', '/api/v1/admin/categories')).toEqual({
        status: 200,
        body: { categories: ['Boissons', 'Boulangerie', 'Épicerie'], truncated: false },
      });
      const rates = await ho.call('GET', '/api/v1/admin/vat-rates');
      expect((rates.body.vatRates as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining(['FR-20', 'FR-5.5']));
      for (const query of [
        'limit=0',
        'limit=201',
        'limit=x',
        `q=${'a'.repeat(201)}`,
        `category=${'c'.repeat(101)}`,
        `after=${'a'.repeat(65)}`,
      ]) {
        expect(await ho.call('GET', `/api/v1/admin/products?${query}`), query).toMatchObject({
          status: 400,
          body: { error: 'bad_request' },
        });
      }
      expect(await ho.call('GET', `/api/v1/admin/products/${'x'.repeat(65)}`)).toMatchObject({ status: 400 });
    });

    it('managers read the catalog without changing it; accountants do not see it', async () => {
      await seed();
      await createStore(ctx().db, { storeId: 'S1', name: 'S1' });
      for (const role of ['regional', 'store-manager'] as const) {
        const browser = await signedIn(role);
        expect(ids(await browser.call('GET', '/api/v1/admin/products?q=baguette'))).toEqual(['p3']);
        expect((await browser.call('GET', '/api/v1/admin/categories')).status).toBe(200);
        expect(await browser.call('PATCH', '/api/v1/admin/products/p3', { price: 1 })).toMatchObject({
          status: 403,
          body: { error: 'forbidden' },
        });
      }
      const accountant = await signedIn('accountant');
      for (const path of ['/products', '/products/p3', '/categories', '/vat-rates'])
        expect(await accountant.call('GET', `/api/v1/admin${path}`)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    });

    it('a price changed by an administrator in the back office reaches an online till’s stream less than 1 s after the answer', async () => {
      await seed();
      const admin = await signedIn('admin');
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const stream = await openSse(`${await ctx().hub.listen()}/sync/v1/products/stream`, syncHeaders(till!.token, 'products'));
      opened.push(stream);
      expect(await stream.event(0)).toBe('RESYNC');
      expect((await admin.call('PATCH', '/api/v1/admin/products/p3', { price: 135 })).status).toBe(200);
      const answered = Date.now();
      const event = JSON.parse(await stream.event(1, 1000)) as StreamEvent;
      expect(Date.now() - answered).toBeLessThan(1000);
      expect(event.documents).toEqual([expect.objectContaining({ id: 'p3', price: 135, _deleted: false })]);
    });
  });
}
