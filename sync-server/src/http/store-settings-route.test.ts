import { demoStoreProfile, QUICK_KEY_LIMITS, type QuickKey } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub } from '../test-support/test-hub';

const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');
const croissant: QuickKey = { kind: 'product', productId: 'prd-0000093', label: 'Croissants', colour: '#f0c27b' };
const tinyPng = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a store’s tiles set at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const put = async (body: unknown) =>
      headOffice(ctx().hub, await adminHeaders(ctx().db)).call('PUT', '/api/v1/admin/stores/S1/settings', body);

    it('are part of the store’s settings: a new store sequence the store’s tills pull, in their order', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const quickKeys: QuickKey[] = [
        { kind: 'category', category: 'Boulangerie', label: 'Pain', image: tinyPng },
        croissant,
        { kind: 'product', barcode: '3700000000594', label: 'Journal' },
      ];
      expect(await put({ ...settings, quickKeys })).toMatchObject({ status: 200, body: { changed: true } });
      const pulled = await client(ctx().hub, till!).pull('store_settings', 0, 10);
      expect(pulled.documents[0]).toMatchObject({ id: 'profile', quickKeys });
      expect(await put({ ...settings, quickKeys: [croissant] })).toMatchObject({ status: 200, body: { changed: true } });
      expect((await client(ctx().hub, till!).pull('store_settings', 0, 10)).documents[0]!.quickKeys).toEqual([croissant]);
    });

    it('refuses a tile it cannot show or sell with 422 invalid_settings and a code per tile', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const refused = await put({
        ...settings,
        quickKeys: [
          { ...croissant, colour: 'red' },
          { kind: 'category', category: 'Presse', label: 'Presse', image: 'data:image/svg+xml;base64,PHN2Zz4=' },
          { kind: 'product', label: 'Rien' },
          croissant,
        ],
      });
      expect(refused).toMatchObject({
        status: 422,
        body: {
          error: 'invalid_settings',
          problems: [
            { field: 'quickKeys[0].colour', code: 'quick_key_colour', message: expect.stringContaining('hex colour') },
            { field: 'quickKeys[1].image', code: 'quick_key_image' },
            { field: 'quickKeys[2]', code: 'quick_key_product' },
          ],
        },
      });
      expect(await put({ ...settings, quickKeys: [croissant, { ...croissant, label: 'Encore' }] })).toMatchObject({
        status: 422,
        body: { problems: [{ field: 'quickKeys[1]', code: 'quick_key_duplicate' }] },
      });
    });

    it('bounds the tiles before reading them, drops an unknown field, refuses a remote image', async () => {
      const many = Array.from({ length: QUICK_KEY_LIMITS.maxKeys + 1 }, (_, i) => ({ kind: 'product', productId: `p${i}`, label: 'x' }));
      expect(await put({ ...settings, quickKeys: many })).toMatchObject({ status: 400, body: { error: 'bad_request' } });
      // A field no tile has is dropped, never stored for the tills to read.
      const [till] = await enrolledTills(ctx().db, 'S1', ['T2']);
      expect(await put({ ...settings, quickKeys: [{ ...croissant, onclick: 'x' }] })).toMatchObject({ status: 200 });
      expect((await client(ctx().hub, till!).pull('store_settings', 0, 10)).documents[0]!.quickKeys).toEqual([croissant]);
      expect(await put({ ...settings, quickKeys: [{ ...croissant, image: 'https://example.com/c.png' }] })).toMatchObject({
        status: 422,
        body: { problems: [{ code: 'quick_key_image' }] },
      });
      const big = `data:image/png;base64,${'A'.repeat(QUICK_KEY_LIMITS.maxImageLength)}`;
      expect(await put({ ...settings, quickKeys: [{ ...croissant, image: big }] })).toMatchObject({ status: 400 });
    });

    it('takes a live price list, refuses one the catalog does not have with a coded problem, and keeps the saved one once deleted', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const ho = headOffice(ctx().hub, await adminHeaders(ctx().db));
      for (const id of ['pl-gros', 'pl-asso']) await ho.call('PUT', `/api/v1/admin/price-lists/${id}`, { name: id, entries: [] });
      expect(await put({ ...settings, priceListId: 'pl-gros' })).toMatchObject({ status: 200, body: { changed: true } });
      expect(await put({ ...settings, priceListId: 'pl-none' })).toMatchObject({
        status: 422,
        body: {
          error: 'invalid_settings',
          problems: [{ field: 'priceListId', code: 'unknown_price_list', params: { priceListId: 'pl-none' } }],
        },
      });
      await ho.call('DELETE', '/api/v1/admin/price-lists/pl-gros');
      await ho.call('DELETE', '/api/v1/admin/price-lists/pl-asso');
      // Saved before its deletion: other fields still change; a deleted list cannot be newly chosen.
      expect(await put({ ...settings, priceListId: 'pl-gros', receiptFooter: ['Merci'] })).toMatchObject({ status: 200 });
      expect(await put({ ...settings, priceListId: 'pl-asso' })).toMatchObject({
        status: 422,
        body: { problems: [{ code: 'unknown_price_list' }] },
      });
      expect(await put(settings)).toMatchObject({ status: 200, body: { changed: true } });
    });

    it('refuses settings whose receipts would miss the merchant’s identity (SIRET, VAT number, address) with 422', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const { siret: _siret, ...withoutSiret } = settings;
      expect(await put(withoutSiret)).toMatchObject({ status: 422, body: { problems: [{ field: 'siret', code: 'legal_siret' }] } });
      expect(await put({ ...settings, siret: '40483304800015', vatNumber: 'FR84404833048', addressLines: [] })).toMatchObject({
        status: 422,
        body: {
          error: 'invalid_settings',
          problems: [
            { field: 'addressLines', code: 'legal_address' },
            { field: 'vatNumber', code: 'legal_vat_number' },
            { field: 'siret', code: 'legal_siret', message: 'has a wrong check digit' },
          ],
        },
      });
      expect(await put({ ...withoutSiret, vatNumber: 'BE0123456789' })).toMatchObject({ status: 200 });
    });
  });
}
