import { compilePromotions, demoStoreProfile, priceBasket, type BasketLine } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { livePromotions } from '../catalog/promotion-writes';
import type { OfficeRole } from '../office/roles';
import { adminHeaders, ean, headOffice, productBody } from '../test-support/head-office';
import { signedInAs } from '../test-support/office-users';
import { promotionBody } from '../test-support/promotions';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';

const PRICE = '/api/v1/baskets/price';
const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');

const basket = {
  storeId: 'S1',
  lines: [
    { productId: 'apple', quantity: 3 },
    { productId: 'cherry', quantity: 1500 },
    { productId: 'pate', quantity: 2, lineId: 'mine' },
  ],
  couponCodes: [' welcome ', 'nope'],
};

/** The same basket as a till builds it: the list's price for pate (300, not 349), grams by the kilo price. */
const pick = ({ productId, unitPrice, quantity }: BasketLine) => ({ productId, unitPrice, quantity });

const expectedLines: BasketLine[] = [
  { lineId: 'line-1', productId: 'apple', category: 'fruits', measure: 'unit', unitPrice: 250, quantity: 3, gross: 750 },
  { lineId: 'line-2', productId: 'cherry', category: 'fruits', measure: 'weight', unitPrice: 1200, quantity: 1500, gross: 1800 },
  { lineId: 'mine', productId: 'pate', category: 'Épicerie', measure: 'unit', unitPrice: 300, quantity: 2, gross: 600 },
];

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`web baskets priced by the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    async function seed() {
      const ho = headOffice(ctx().hub, await adminHeaders(ctx().db));
      const products = [
        ['apple', productBody({ sku: 'a', name: 'Pomme', barcodes: [ean(1)], price: 250, category: 'fruits' })],
        ['cherry', productBody({ sku: 'c', name: 'Cerises', barcodes: [ean(2)], price: 1200, category: 'fruits', measure: 'weight' })],
        ['pate', productBody({ sku: 'p', name: 'Pâté', barcodes: [ean(3)], price: 349 })],
        ['gone', productBody({ sku: 'g', name: 'Parti', barcodes: [ean(4)], price: 100 })],
      ] as const;
      for (const [id, body] of products) expect((await ho.putProduct(id, body)).status).toBe(201);
      await ho.deleteProduct('gone');
      await ho.call('PUT', '/api/v1/admin/price-lists/pl', { name: 'L', entries: [{ productId: 'pate', price: 300 }] });
      await ho.call('POST', '/api/v1/admin/stores', { storeId: 'S1', name: 'S1' });
      expect((await ho.call('PUT', '/api/v1/admin/stores/S1/settings', { ...settings, priceListId: 'pl' })).status).toBe(200);
      await ho.call('PUT', '/api/v1/admin/promotions/fruits', promotionBody());
      await ho.call(
        'PUT',
        '/api/v1/admin/promotions/store-only',
        promotionBody({ channels: ['store'], benefit: { type: 'amount-off', target: { productIds: ['pate'] }, amount: 50 } }),
      );
      return ho;
    }

    it('prices a basket exactly as core does with the same lines and rules, and sees a new rule at once', async () => {
      const ho = await seed();
      const before = await ho.call('POST', PRICE, basket);
      expect(before).toMatchObject({ status: 200, body: { currency: 'EUR', discountTotal: 510, unknownCoupons: ['NOPE', 'WELCOME'] } });
      await ho.call(
        'PUT',
        '/api/v1/admin/promotions/welcome',
        promotionBody({ couponCode: 'WELCOME', channels: ['web'], benefit: { type: 'cart-amount-off', amount: 500, minSubtotal: 1000 } }),
      );
      const answer = await ho.call('POST', PRICE, basket);
      expect(answer.status).toBe(200);
      const at = answer.body.at as string;
      const core = priceBasket({ currency: 'EUR', lines: expectedLines }, compilePromotions(await livePromotions(ctx().db)), {
        at,
        timeZone: settings.timeZone,
        storeId: 'S1',
        channel: 'web',
        couponCodes: basket.couponCodes,
      });
      const { lines, at: _at, ...totals } = answer.body as { lines: Record<string, unknown>[]; at: string };
      const { lines: coreLines, ...coreTotals } = core;
      expect(totals).toEqual(coreTotals);
      expect(lines).toEqual(coreLines.map((line, i) => ({ ...line, ...pick(expectedLines[i]!) })));
      expect(answer.body.unknownCoupons).toEqual(['NOPE']);
      // The coupon's cart rule concerns the basket but gives less than the fruits' rule on the same items.
      expect(core.rejected).toEqual([
        { promotionId: 'store-only', version: 1, reason: 'wrong_channel' },
        { promotionId: 'welcome', version: 1, reason: 'outdone' },
      ]);
      expect(core.lines[0]!.itemDiscounts).toEqual([
        { promotionId: 'fruits', version: 1, source: 'promotion', kind: 'percent', value: 2000, amount: 150 },
      ]);
      // At the till's channel the store-only rule applies and the web coupon does not.
      const atTill = await ho.call('POST', PRICE, { ...basket, channel: 'store' });
      expect((atTill.body.applied as { promotionId: string }[]).map((a) => a.promotionId)).toEqual(['fruits', 'store-only']);
    });

    it('refuses a basket it cannot price with coded 400s, an unknown store with 404', async () => {
      const ho = await seed();
      const refused = await ho.call('POST', PRICE, {
        storeId: 'S1',
        lines: [
          { productId: 'gone', quantity: 1, lineId: 'a' },
          { productId: 'none', quantity: 1, lineId: 'a' },
          { productId: 'apple', quantity: 10_000 },
        ],
      });
      expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_basket' } });
      expect((refused.body.problems as { code: string; field: string }[]).map((p) => `${p.field} ${p.code}`)).toEqual([
        'lines[0] unknown_product',
        'lines[1] duplicate_line',
        'lines[1] unknown_product',
        'lines[2] quantity_range',
      ]);
      const line = { productId: 'apple', quantity: 1 };
      for (const body of [
        { storeId: 'S1', lines: [] },
        { storeId: 'S1', lines: Array.from({ length: 201 }, () => line) },
        { storeId: 'S1', lines: [{ productId: 'apple', quantity: 0 }] },
        { storeId: 'S1', lines: [{ productId: 'apple', quantity: 100_000 }] },
        { storeId: 'S1', lines: [line], couponCodes: Array.from({ length: 21 }, () => 'X') },
        { storeId: 'S1', lines: [line], channel: 'fax' },
      ])
        expect((await ho.call('POST', PRICE, body)).status).toBe(400);
      expect((await ho.call('POST', PRICE, { storeId: 'S9', lines: [line] })).status).toBe(404);
    });

    it('answers managers (catalog.read), not accountants nor anyone unsigned', async () => {
      await seed();
      const as = (role: OfficeRole) => signedInAs(ctx().hub, ctx().db, role);
      const manager = await as('store-manager');
      expect(await manager.call('POST', PRICE, { ...basket, customer: { member: true, tier: 'gold' } })).toMatchObject({
        status: 200,
        body: { total: expect.any(Number) },
      });
      expect(await (await as('accountant')).call('POST', PRICE, basket)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect((await ctx().hub.app.inject({ method: 'POST', url: PRICE, payload: basket })).statusCode).toBe(401);
    });
  });
}
