import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  vatRatesAt,
  type SaleProblem,
  type StoreProfile,
  type VatRate,
} from '@pos/core';
import { describe, expect, it } from 'vitest';
import { putStoreSettings } from '../../sync-server/src/admin/store-settings';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useDemoHubTill } from './demo-hub-till';

/**
 * The store's settings reach what the page sells with the moment they reach the host (the host
 * pushes `store.profile`), so an open till never builds a sale the host then refuses after the card
 * was charged; a VAT rate changed by law applies to sales completed after its start.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`store settings changed at the hub reach an open till at once (${target.name})`, () => {
    const env = useDemoHubTill(target);

    it('pushes the new profile to the page as the host takes it, and seals with the VAT rate in force at completion', async () => {
      const { database, peer } = env();
      const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile();
      const change = new Date(Date.now() + 60 * 60_000).toISOString();
      const vatRates: VatRate[] = [
        ...settings.vatRates.filter((r) => r.id !== 'FR-20'),
        { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %', validUntil: change },
        { id: 'FR-20', rateBp: 2100, code: 'D', label: 'TVA 21 %', validFrom: change },
      ];
      const received = new Promise<StoreProfile>((resolve) => {
        const off = peer.host.on('store.profile', (profile) => {
          off();
          resolve(profile);
        });
      });
      const sent = Date.now();
      await putStoreSettings(database.db, 'S001', { ...settings, quickCashAmounts: [1000, 2000], vatRates });
      const profile = await received;
      expect(Date.now() - sent).toBeLessThan(5000);
      expect(profile).toMatchObject({ storeId: 'S001', tillId: 'T01', quickCashAmounts: [1000, 2000], vatRates });

      // A sale completed now uses 20 %, one completed after the change 21 %: the host takes each at its own rate.
      const product = Array.from({ length: 500 }, (_, i) => demoProduct(i)).find((p) => p.vatRateId === 'FR-20' && p.measure === 'unit')!;
      const saleAt = (id: string, completedAt: string, rates: readonly VatRate[] = vatRates) => {
        const cart = addProduct(emptyCart(id, 'EUR', new Date().toISOString()), product, { lineId: 'l1' });
        const total = cartTotals(cart, vatRatesAt(rates, completedAt)).total;
        return buildSale(cart, [cashTender('c', total, [], total, profile.cashRounding)], {
          storeId: 'S001',
          tillId: 'T01',
          staffId: 'staff-sophie',
          completedAt,
          vatRates: rates,
          cashRounding: profile.cashRounding,
          timeZone: profile.timeZone,
        });
      };
      const now = saleAt('live-1', new Date().toISOString());
      expect(now.lines[0]!.rateBp).toBe(2000);
      await peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: 'live-1', payload: now });
      const later = saleAt('live-2', new Date(Date.parse(change) + 1000).toISOString());
      expect(later.lines[0]!.rateBp).toBe(2100);
      await peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: 'live-2', payload: later });
      // The old rate after the change is refused, with the code the page translates.
      const stale = saleAt('live-3', new Date(Date.parse(change) + 1000).toISOString(), settings.vatRates);
      const refusal = await peer.bridge
        .invoke('fiscal.seal', { chain: 'sale', id: 'live-3', payload: stale })
        .catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: 'SEAL_REFUSED' });
      expect(((refusal as { details: { problems: SaleProblem[] } }).details.problems ?? []).map((p) => p.code)).toContain('vat-rate');
    });
  });
}
