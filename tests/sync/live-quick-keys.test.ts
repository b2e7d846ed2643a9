import { demoStoreProfile, type QuickKey, type StoreProfile } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { adminHeaders, headOffice } from '../../sync-server/src/test-support/head-office';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useDemoHubTill } from './demo-hub-till';

/**
 * A store's tiles set at the hub through its admin API reach an open till's host, which pushes the
 * new profile to the page (the sale screen redraws its tiles from it): no restart, no new import.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`tiles set at the hub reach an open till at once (${target.name})`, () => {
    const env = useDemoHubTill(target);

    it('the demo store starts with its tiles; new ones set through the admin API arrive with the next store.profile', async () => {
      const { database, hub, peer } = env();
      expect((await peer.bridge.invoke('store.profile')).quickKeys).toEqual(demoStoreProfile().quickKeys);
      const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile();
      const quickKeys: QuickKey[] = [
        { kind: 'product', productId: 'prd-0000098', label: 'Café', colour: '#8d6e63' },
        { kind: 'category', category: 'Boulangerie', label: 'Pains' },
      ];
      const received = new Promise<StoreProfile>((resolve) => {
        const off = peer.host.on('store.profile', (profile) => {
          off();
          resolve(profile);
        });
      });
      const office = headOffice(hub, await adminHeaders(database.db));
      expect(await office.call('PUT', '/api/v1/admin/stores/S001/settings', { ...settings, quickKeys })).toMatchObject({ status: 200 });
      expect((await received).quickKeys).toEqual(quickKeys);
      expect((await peer.bridge.invoke('store.profile')).quickKeys).toEqual(quickKeys);
    });
  });
}
