import { demoStoreProfile, type QuickKey } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub } from '../test-support/test-hub';

const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');
const croissant: QuickKey = { kind: 'product', productId: 'prd-0000093', label: 'Croissants', colour: '#f0c27b' };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a store’s settings read back at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const office = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));

    it('returns the document as stored, fields the back office does not show included, with its sequence', async () => {
      await enrolledTills(ctx().db, 'S1', ['T1']);
      const written = await (await office()).call('PUT', '/api/v1/admin/stores/S1/settings', { ...settings, quickKeys: [croissant] });
      expect(written.status).toBe(200);
      const read = await (await office()).call('GET', '/api/v1/admin/stores/S1/settings');
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ storeId: 'S1', settings: expect.objectContaining({ quickKeys: [croissant] }), seq: written.body.seq });
      expect(read.body.settings).not.toHaveProperty('id');
      // What was read goes back unchanged: nothing changes.
      const again = await (await office()).call('PUT', '/api/v1/admin/stores/S1/settings', read.body.settings);
      expect(again).toMatchObject({ status: 200, body: { changed: false } });
    });

    it('says 404 no_settings for a store without settings and 404 not_found for no store', async () => {
      await createStore(ctx().db, { storeId: 'S2', name: 'Empty' });
      expect(await (await office()).call('GET', '/api/v1/admin/stores/S2/settings')).toMatchObject({
        status: 404,
        body: { error: 'no_settings' },
      });
      expect(await (await office()).call('GET', '/api/v1/admin/stores/S9/settings')).toMatchObject({
        status: 404,
        body: { error: 'not_found' },
      });
    });
  });
}
