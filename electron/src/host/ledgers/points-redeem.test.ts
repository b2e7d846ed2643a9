import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  type Cart,
  type CartReward,
  type PointsReservation,
  type SalePayload,
  type SaleProblem,
  type SealedRecord,
} from '@pos/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from '../test-support/host-harness';
import { FakePointsHub } from './test-support/fake-points-hub';

const dirs = tempDirs('pos-redeem-');
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();

function cartOf(id: string): Cart {
  let cart = emptyCart(id, 'EUR', '2026-11-22T09:00:00.000Z');
  for (const [i, index] of [100, 205, 300, 400].entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  return { ...cart, customer: { id: 'cus-1', label: 'Alice' } };
}

/** The reward as the page puts it on the cart from the host's answer (amount off 5 €, or 10 % up to 4 €). */
function rewardOf(r: PointsReservation, terms: Pick<CartReward, 'kind' | 'value' | 'maxAmount'>): CartReward {
  return {
    rewardId: r.rewardId,
    programId: r.programId,
    programVersion: r.programVersion,
    reservationId: r.reservationId,
    points: r.points,
    ...terms,
  };
}
const FIVE_OFF = { kind: 'amount', value: 500 } as const;

function paid(cart: Cart): SalePayload {
  const total = cartTotals(cart, store.vatRates).total;
  return buildSale(cart, [cashTender('cash', total, [], total, store.cashRounding)], {
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
const reserve = async (host: TestHost, saleId: string, rewardId = 'r5') =>
  valueOf<PointsReservation>(await host.invoke('ledger.reservePoints', { saleId, customerId: 'cus-1', rewardId }));
const hubBack = (host: TestHost) =>
  host.context.events.emit('hub.status', { ...host.context.hub.status(), enrolled: true, online: true, lastError: null });
const consumes = (hub: FakePointsHub) => hub.calls.filter((c) => c.endsWith('/consume')).length;

function problems(reply: Awaited<ReturnType<TestHost['invoke']>>): SaleProblem[] {
  const error = errorOf(reply);
  expect(error.code).toBe('SEAL_REFUSED');
  return (error.details as { problems: SaleProblem[] }).problems;
}

async function started(hub: FakePointsHub, dataDir?: string): Promise<TestHost> {
  const host = await hosts.start(dataDir ?? (await dirs.make()));
  hub.install(host.context);
  await signIn(host);
  return host;
}

describe('a loyalty reward spent at the till host', () => {
  it('seals the reward against the points it reserved and consumes them once', async () => {
    const hub = new FakePointsHub(1000);
    const host = await started(hub);
    const reserved = await reserve(host, 'sale-a');
    const sale = paid({ ...cartOf('sale-a'), reward: rewardOf(reserved, FIVE_OFF) });
    expect(valueOf<SealedRecord>(await seal(host, sale)).seq).toBe(1);
    await vi.waitFor(() => expect(hub.consumed.get(reserved.reservationId)).toBe('sale-a'));
    expect(valueOf<SealedRecord>(await seal(host, sale)).seq).toBe(1);
    hubBack(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(consumes(hub)).toBe(1);
    expect(hub.available).toBe(500);
  });

  it('a percent-off reward seals with the program’s terms', async () => {
    const hub = new FakePointsHub(1000);
    const host = await started(hub);
    const reserved = await reserve(host, 'sale-p', 'p10');
    const sale = paid({ ...cartOf('sale-p'), reward: rewardOf(reserved, { kind: 'percent', value: 1000, maxAmount: 400 }) });
    expect(valueOf<SealedRecord>(await seal(host, sale)).seq).toBe(1);
    await vi.waitFor(() => expect(hub.available).toBe(700));
  });

  it('refuses a forged reward: never reserved, another sale’s, other terms or points, given back, used twice', async () => {
    const hub = new FakePointsHub(5000);
    const host = await started(hub);
    const codes = async (sale: SalePayload) => (problems(await seal(host, sale)) ?? []).map((p) => p.code);
    const reserved = await reserve(host, 'sale-f');
    const forged = (terms: Partial<CartReward>, id = 'sale-f') =>
      paid({ ...cartOf(id), reward: { ...rewardOf(reserved, FIVE_OFF), ...terms } });
    expect(await codes(forged({ reservationId: 'rsv-never' }))).toEqual(['loyalty']);
    expect(await codes(forged({}, 'sale-other'))).toEqual(['loyalty']);
    expect(await codes(forged({ value: 900 }))).toEqual(['loyalty']);
    expect(await codes(forged({ points: 1 }))).toEqual(['loyalty']);
    const { customer: _c, ...anonymous } = cartOf('sale-f');
    expect(await codes(paid({ ...anonymous, reward: rewardOf(reserved, FIVE_OFF) }))).toContain('loyalty');
    // The page removed the reward: its points are given back and no sale may spend them.
    valueOf(await host.invoke('ledger.release', { reservationId: reserved.reservationId }));
    expect(await codes(forged({}))).toEqual(['loyalty']);
    await vi.waitFor(() => expect(hub.available).toBe(5000));
    const again = await reserve(host, 'sale-g');
    expect(valueOf<SealedRecord>(await seal(host, paid({ ...cartOf('sale-g'), reward: rewardOf(again, FIVE_OFF) }))).seq).toBe(1);
    const twice = paid({ ...cartOf('sale-h'), reward: rewardOf(again, FIVE_OFF) });
    expect((await codes(twice)).filter((c) => c === 'loyalty').length).toBeGreaterThan(0);
  });

  it('consumes once after a kill between the seal and the consume (the hub away), at the next start', async () => {
    const hub = new FakePointsHub(1000);
    const dataDir = await dirs.make();
    const first = await started(hub, dataDir);
    const reserved = await reserve(first, 'sale-k');
    hub.online = false;
    expect(valueOf<SealedRecord>(await seal(first, paid({ ...cartOf('sale-k'), reward: rewardOf(reserved, FIVE_OFF) }))).seq).toBe(1);
    await first.close();
    hub.online = true;
    const second = await started(hub, dataDir);
    hubBack(second);
    await vi.waitFor(() => expect(hub.consumed.size).toBe(1));
    await second.close();
    const third = await started(hub, dataDir);
    hubBack(third);
    await new Promise((r) => setTimeout(r, 50));
    expect(consumes(hub)).toBe(1);
    expect(hub.available).toBe(500);
  });
});
