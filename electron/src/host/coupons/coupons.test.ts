import {
  addProduct,
  applyPromotions,
  buildSale,
  cartTotals,
  cashTender,
  compilePromotions,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  salePricingContext,
  type Cart,
  type CartCoupon,
  type CouponHeld,
  type SalePayload,
  type SaleProblem,
  type SealedRecord,
} from '@pos/core';
import { welcomeCoupon } from '@pos/core/test-support/coupon-promotions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from '../test-support/host-harness';
import { FakeCouponHub } from './test-support/fake-coupon-hub';

const dirs = tempDirs('pos-coupons-');
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();
const product = demoProduct(205);
const welcome = welcomeCoupon(product.category);
const CODE = 'K7QM2XD4HTRP';
const OTHER = 'Q9RT4ZW8MNPA';

/** A cart of two of the product, priced with the coupons the page holds. */
function saleWith(saleId: string, coupons: readonly CartCoupon[]): SalePayload {
  let cart: Cart = addProduct(emptyCart(saleId, 'EUR', '2026-11-22T09:00:00.000Z'), product, { lineId: 'l1', quantity: 2 });
  if (coupons.length > 0) cart = { ...cart, coupons };
  cart = applyPromotions(cart, compilePromotions([welcome]), salePricingContext({ ...store, ...cart }, store.timeZone));
  const total = cartTotals(cart, store.vatRates).total;
  return buildSale(cart, [cashTender('cash-1', total, [], total, store.cashRounding)], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  });
}

const seal = (host: TestHost, sale: SalePayload) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });

function problemsOf(reply: Awaited<ReturnType<TestHost['invoke']>>): SaleProblem[] {
  const error = errorOf(reply);
  expect(error.code).toBe('SEAL_REFUSED');
  return (error.details as { problems: SaleProblem[] }).problems;
}

async function started(hub: FakeCouponHub, dataDir?: string): Promise<TestHost> {
  const host = await hosts.start(dataDir ?? (await dirs.make()));
  hub.install(host.context);
  await host.context.promotions.record([welcome], [], true);
  await signIn(host);
  return host;
}

const reserve = async (host: TestHost, saleId: string, code = CODE) =>
  valueOf<CouponHeld>(await host.invoke('coupons.reserve', { saleId, code: code.toLowerCase() }));

const hubBack = (host: TestHost) =>
  host.context.events.emit('hub.status', { ...host.context.hub.status(), enrolled: true, online: true, lastError: null });

describe('coupon codes at the till host', () => {
  it('reserves at the hub, seals the coupon discount with its code and consumes it once', async () => {
    const hub = new FakeCouponHub({ [CODE]: 'welcome' });
    const host = await started(hub);
    const held = await reserve(host, 'sale-c1');
    expect(held).toMatchObject({ code: CODE, promotionId: 'welcome', version: 1, kind: 'single-use' });
    const sale = saleWith('sale-c1', [{ code: CODE, promotionId: 'welcome', reservationId: held.reservationId! }]);
    const record = valueOf<SealedRecord<'sale'>>(await seal(host, sale));
    expect(record.payload).toMatchObject({
      discounts: [expect.objectContaining({ source: 'coupon', sourceId: 'welcome', couponCode: CODE })],
    });
    await vi.waitFor(() => expect(hub.consumed()).toHaveLength(1));
    // The page retries the seal (its reply lost): the same record, never a second use.
    expect(valueOf<SealedRecord>(await seal(host, sale)).seq).toBe(record.seq);
    hubBack(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.calls.filter((c) => c.endsWith('/consume'))).toHaveLength(1);
    expect(hub.consumed()).toEqual([expect.objectContaining({ code: CODE, saleId: 'sale-c1' })]);
  });

  it('refuses a coupon discount it holds no code for: never reserved, another code, another sale’s, or given back', async () => {
    const hub = new FakeCouponHub({ [CODE]: 'welcome', [OTHER]: 'welcome', Z9Z9Z9Z9Z9Z9: 'welcome' });
    const host = await started(hub);
    const never = saleWith('sale-n', [{ code: CODE, promotionId: 'welcome' }]);
    expect(problemsOf(await seal(host, never)).map((p) => p.code)).toEqual(['promotion']);
    await reserve(host, 'sale-o', OTHER);
    expect(problemsOf(await seal(host, saleWith('sale-o', [{ code: CODE, promotionId: 'welcome' }])))[0]!.message).toMatch(/holds no code/);
    await reserve(host, 'sale-elsewhere');
    expect(problemsOf(await seal(host, saleWith('sale-x', [{ code: CODE, promotionId: 'welcome' }]))).map((p) => p.code)).toEqual([
      'promotion',
    ]);
    expect(valueOf(await host.invoke('coupons.release', { saleId: 'sale-elsewhere', code: CODE }))).toEqual({ released: true });
    await vi.waitFor(() => expect(hub.uses.size).toBeGreaterThan(0));
    expect(problemsOf(await seal(host, saleWith('sale-elsewhere', [{ code: CODE, promotionId: 'welcome' }])))[0]!.message).toMatch(
      /given back/,
    );
    // Without a coupon the same cart seals: nothing was sealed by the refusals.
    expect(valueOf<SealedRecord>(await seal(host, saleWith('sale-plain', []))).seq).toBe(1);
    // A code held for a sale sealed without using it is given back at the hub, not left to run out.
    const unused = await reserve(host, 'sale-unused', 'Z9Z9Z9Z9Z9Z9');
    valueOf(await seal(host, saleWith('sale-unused', [])));
    await vi.waitFor(() => expect(hub.uses.get(unused.reservationId!)?.state).toBe('released'));
  });

  it('consumes once after a stop between the seal and the consumption (the hub away), at the next start', async () => {
    const hub = new FakeCouponHub({ [CODE]: 'welcome' });
    const dataDir = await dirs.make();
    const first = await started(hub, dataDir);
    const held = await reserve(first, 'sale-k');
    hub.online = false;
    const sale = saleWith('sale-k', [{ code: CODE, promotionId: 'welcome', reservationId: held.reservationId! }]);
    expect(valueOf<SealedRecord>(await seal(first, sale)).seq).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(hub.consumed()).toHaveLength(0);
    await first.close();
    hub.online = true;
    const second = await started(hub, dataDir);
    hubBack(second);
    await vi.waitFor(() => expect(hub.consumed()).toHaveLength(1));
    await second.close();
    const third = await started(hub, dataDir);
    hubBack(third);
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.calls.filter((c) => c.endsWith('/consume'))).toHaveLength(1);
  });

  it('offline: a code of the till’s block is accepted once and recorded when the hub is back; any other is refused in words', async () => {
    const hub = new FakeCouponHub({ [CODE]: 'welcome' });
    hub.block = [{ code: OTHER, promotionId: 'welcome' }];
    const host = await started(hub);
    // Online, the host reads its block (at start, when the hub comes back, every minute).
    hubBack(host);
    await vi.waitFor(() => expect(hub.calls).toContain('GET /api/v1/till/coupons/block'));
    // Holding few codes of a single-use promotion, the host asked the hub for more (the hub on demand).
    expect(hub.calls).toContain('POST /api/v1/till/coupons/block');
    hub.online = false;
    expect(errorOf(await host.invoke('coupons.reserve', { saleId: 'sale-off', code: CODE }))).toMatchObject({
      code: 'HUB_REFUSED',
      details: { hubCode: 'coupon_offline' },
    });
    const held = await reserve(host, 'sale-off', OTHER);
    expect(held).toMatchObject({ code: OTHER, promotionId: 'welcome', offline: true });
    expect(errorOf(await host.invoke('coupons.reserve', { saleId: 'sale-off2', code: OTHER }))).toMatchObject({
      details: { hubCode: 'coupon_offline' },
    });
    expect(
      valueOf<SealedRecord>(await seal(host, saleWith('sale-off', [{ code: OTHER, promotionId: 'welcome', offline: true }]))).seq,
    ).toBe(1);
    hub.online = true;
    hubBack(host);
    await vi.waitFor(() => expect(hub.consumed()).toEqual([expect.objectContaining({ code: OTHER, saleId: 'sale-off' })]));
    expect(hub.calls).toContain('POST /api/v1/till/coupons/redemptions');
  });
});
