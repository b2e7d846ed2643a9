import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  newCardCode,
  storedValueTender,
  type Cart,
  type SalePayload,
  type SaleProblem,
  type SealedRecord,
  type StoredValueReservation,
  type Tender,
} from '@pos/core';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from '../test-support/host-harness';
import { RESERVATION_MS } from '../handlers/ledger-handlers';
import { FakeCardHub } from './test-support/fake-card-hub';

const dirs = tempDirs('pos-ledgers-');
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();
const CODE = newCardCode(new Uint8Array(12).fill(7));
const OTHER = newCardCode(new Uint8Array(12).fill(9));

/** Five products: a total well above the amounts the cards pay here. */
function cartOf(id: string): Cart {
  let cart = emptyCart(id, 'EUR', '2026-11-22T09:00:00.000Z');
  for (const [i, index] of [100, 205, 300, 400, 500].entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  return cart;
}

const totalOf = (cart: Cart) => cartTotals(cart, store.vatRates).total;

function saleOf(cart: Cart, tenders: readonly Tender[]): SalePayload {
  return buildSale(cart, tenders, {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  });
}

/** The gift card pays what it can, cash the rest: as the payment screen builds it. */
function paidWith(cart: Cart, reservation: StoredValueReservation): SalePayload {
  const total = totalOf(cart);
  const gift = storedValueTender(`g-${reservation.reservationId}`, total, [], reservation, store.cashRounding);
  const rest = total - gift.amount;
  return saleOf(cart, rest > 0 ? [gift, cashTender('cash', total, [gift], rest, store.cashRounding)] : [gift]);
}

const seal = (host: TestHost, sale: SalePayload) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });

function problemCodes(reply: Awaited<ReturnType<TestHost['invoke']>>): string[] {
  const error = errorOf(reply);
  expect(error.code).toBe('SEAL_REFUSED');
  return ((error.details as { problems: SaleProblem[] }).problems ?? []).map((p) => p.code);
}

async function started(hub: FakeCardHub, dataDir?: string): Promise<TestHost> {
  const host = await hosts.start(dataDir ?? (await dirs.make()));
  hub.install(host.context);
  await signIn(host);
  return host;
}

const reserve = async (host: TestHost, saleId: string, amount: number, code = CODE) =>
  valueOf<StoredValueReservation>(await host.invoke('ledger.reserveCard', { saleId, code, amount }));

/** The host was told the hub is back: what waits is sent. */
const hubBack = (host: TestHost) =>
  host.context.events.emit('hub.status', { ...host.context.hub.status(), enrolled: true, online: true, lastError: null });

describe('gift cards as tenders at the till host', () => {
  it('looks a card up, reserves at the hub, seals against the reservation and spends it once', async () => {
    const hub = new FakeCardHub({ [CODE]: 1000 });
    const host = await started(hub);
    expect(valueOf(await host.invoke('ledger.lookupCard', { code: CODE.toLowerCase() }))).toMatchObject({
      available: 1000,
      kind: 'gift_card',
    });
    const cart = cartOf('sale-g1');
    const reservation = await reserve(host, 'sale-g1', Math.min(1000, totalOf(cart)));
    expect(reservation).toMatchObject({ method: 'gift_card', balanceAfter: 1000 - reservation.amount });
    const sale = paidWith(cart, reservation);
    expect(valueOf<SealedRecord>(await seal(host, sale)).seq).toBe(1);
    await vi.waitFor(() => expect(hub.spends.size).toBe(1));
    // The page retries the seal (its reply lost): the same record, never a second spend.
    expect(valueOf<SealedRecord>(await seal(host, sale)).seq).toBe(1);
    hubBack(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.calls.filter((c) => c.endsWith('/consume'))).toHaveLength(1);
    expect(hub.balances.get(hub.cardIdOf(CODE))).toBe(1000 - reservation.amount);
  });

  it('refuses a forged tender: never reserved, inflated, another card, another sale’s, or used twice', async () => {
    const hub = new FakeCardHub({ [CODE]: 100_000, [OTHER]: 100_000 });
    const host = await started(hub);
    const cart = cartOf('sale-f');
    const total = totalOf(cart);
    const real = await reserve(host, 'sale-f', total - 100);
    const forged = (over: Partial<StoredValueReservation>) => seal(host, paidWith(cart, { ...real, ...over }));
    expect(problemCodes(await forged({ reservationId: 'rsv-never' }))).toContain('stored-value');
    expect(problemCodes(await forged({ amount: total - 50 }))).toContain('stored-value');
    expect(problemCodes(await forged({ cardId: hub.cardIdOf(OTHER) }))).toContain('stored-value');
    const elsewhere = await reserve(host, 'sale-other', 500);
    expect(problemCodes(await forged({ ...elsewhere }))).toContain('stored-value');
    expect(valueOf<SealedRecord>(await seal(host, paidWith(cart, real))).seq).toBe(1);
    // The same reservation again, in the next sale: already spent by the first.
    const next = cartOf('sale-f2');
    expect(problemCodes(await seal(host, paidWith(next, real)))).toContain('stored-value');
  });

  it('refuses a tender whose reservation has run out at the hub (its spend would be refused)', async () => {
    const hub = new FakeCardHub({ [CODE]: 5000 });
    const host = await started(hub);
    const cart = cartOf('sale-late');
    const reservation = await reserve(host, 'sale-late', 300);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + RESERVATION_MS);
      const error = errorOf(await seal(host, paidWith(cart, reservation)));
      expect(error.message).toContain('runs out');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says offline in the page’s words and refuses a code with a typo before the hub', async () => {
    const hub = new FakeCardHub({ [CODE]: 1000 });
    const host = await started(hub);
    const typo = `${CODE.slice(0, -1)}${CODE.endsWith('2') ? '3' : '2'}`;
    expect(errorOf(await host.invoke('ledger.lookupCard', { code: typo }))).toMatchObject({
      code: 'INVALID_REQUEST',
      details: { hubCode: 'card_code_check' },
    });
    expect(hub.calls).toHaveLength(0);
    hub.online = false;
    expect(errorOf(await host.invoke('ledger.reserveCard', { saleId: 's', code: CODE, amount: 100 })).code).toBe('HUB_UNREACHABLE');
  });

  it('spends once after a stop between the seal and the spend (the hub away), at the next start', async () => {
    const hub = new FakeCardHub({ [CODE]: 5000 });
    const dataDir = await dirs.make();
    const first = await started(hub, dataDir);
    const cart = cartOf('sale-k');
    const reservation = await reserve(first, 'sale-k', 300);
    hub.online = false;
    expect(valueOf<SealedRecord>(await seal(first, paidWith(cart, reservation))).seq).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(hub.spends.size).toBe(0);
    await first.close();
    hub.online = true;
    const second = await started(hub, dataDir);
    hubBack(second);
    await vi.waitFor(() => expect(hub.spends.size).toBe(1));
    await second.close();
    const third = await started(hub, dataDir);
    hubBack(third);
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.calls.filter((c) => c.endsWith('/consume'))).toHaveLength(1);
    expect(hub.available(hub.cardIdOf(CODE))).toBe(4700);
  });

  it('a spend the hub refuses for good is said at the till (FR/EN code) and never sent again', async () => {
    const hub = new FakeCardHub({ [CODE]: 5000 });
    const host = await started(hub);
    const notices: unknown[] = [];
    host.on('host.notice', (notice) => notices.push(notice));
    const reservation = await reserve(host, 'sale-x', 200);
    // The hub let it run out meanwhile (its clock, a long cut): the spend finds nothing open.
    hub.reservations.get(reservation.reservationId)!.state = 'released';
    valueOf(await seal(host, paidWith(cartOf('sale-x'), reservation)));
    await vi.waitFor(() =>
      expect(notices).toEqual([expect.objectContaining({ code: 'card-spend-refused', values: { hubCode: 'reservation_not_open' } })]),
    );
    hubBack(host);
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.calls.filter((c) => c.endsWith('/consume'))).toHaveLength(1);
    expect(notices).toHaveLength(1);
  });

  it('spends what the journal says a sale used even when the reservation book lost its lines', async () => {
    const hub = new FakeCardHub({ [CODE]: 5000 });
    const dataDir = await dirs.make();
    const first = await started(hub, dataDir);
    const reservation = await reserve(first, 'sale-lost', 250);
    hub.online = false;
    valueOf(await seal(first, paidWith(cartOf('sale-lost'), reservation)));
    await first.close();
    await rm(path.join(dataDir, 'ledgers', 'reservations.jsonl'));
    hub.online = true;
    const second = await started(hub, dataDir);
    hubBack(second);
    await vi.waitFor(() => expect(hub.spends.size).toBe(1));
    expect(hub.available(hub.cardIdOf(CODE))).toBe(4750);
  });

  it('gives a reservation back when its tender is removed or its sale voided, never one a sale used', async () => {
    const hub = new FakeCardHub({ [CODE]: 5000 });
    const host = await started(hub);
    const removed = await reserve(host, 'sale-r', 400);
    expect(hub.available(hub.cardIdOf(CODE))).toBe(4600);
    expect(valueOf(await host.invoke('ledger.release', { reservationId: removed.reservationId }))).toEqual({ released: true });
    await vi.waitFor(() => expect(hub.available(hub.cardIdOf(CODE))).toBe(5000));
    // The removed tender cannot come back in the sale.
    expect(problemCodes(await seal(host, paidWith(cartOf('sale-r'), removed)))).toContain('stored-value');

    await reserve(host, 'cart-v', 700);
    const grant = await approval(host, 'sale.void', { saleId: 'cart-v' });
    const voided = {
      type: 'sale.void',
      saleId: 'cart-v',
      staffId: 'staff-camille',
      lineCount: 1,
      total: 199,
      currency: 'EUR',
      lines: [{ sku: 'A', quantity: 1, amount: 199 }],
      approvalId: grant.approvalId,
      approvedBy: grant.approvedBy,
    };
    valueOf(await host.invoke('fiscal.seal', { chain: 'event', id: 'void-cart-v', payload: voided }));
    await vi.waitFor(() => expect(hub.available(hub.cardIdOf(CODE))).toBe(5000));

    const used = await reserve(host, 'sale-u', 250);
    valueOf(await seal(host, paidWith(cartOf('sale-u'), used)));
    expect(errorOf(await host.invoke('ledger.release', { reservationId: used.reservationId })).code).toBe('INVALID_REQUEST');
  });
});
