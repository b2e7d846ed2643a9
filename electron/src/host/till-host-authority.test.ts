import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  setCartDiscount,
  setLineDiscount,
  overridePrice,
  type Cart,
  type CardResult,
  type CardTender,
  type SalePayload,
  type SaleProblem,
  type SealedRecord,
  type Tender,
} from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/**
 * The host decides what may be sealed (ARCHITECTURE §4): each case here is a sale or a request an
 * auditor forged, which the host used to seal.
 */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();
const CAMILLE = 'staff-camille';
const SOPHIE_PIN = '5678';

function cartOf(id: string, products: readonly number[] = [100, 205]): Cart {
  let cart = emptyCart(id, 'EUR', '2026-11-22T09:00:00.000Z');
  for (const [i, index] of products.entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  return cart;
}

function saleOf(cart: Cart, tenders: readonly Tender[]): SalePayload {
  return buildSale(cart, tenders, {
    storeId: 'S001',
    tillId: 'T01',
    staffId: CAMILLE,
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
  });
}

const totalOf = (cart: Cart) => cartTotals(cart, store.vatRates).total;

function cashFor(cart: Cart): Tender[] {
  const total = totalOf(cart);
  return [cashTender('cash', total, [], total, store.cashRounding)];
}

async function pay(host: TestHost, attemptKey: string, amount: number): Promise<CardTender> {
  const result = valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey, amount, currency: 'EUR' }));
  expect(result.status).toBe('approved');
  return { id: `t-${attemptKey}`, method: 'card', amount, status: 'approved', attemptKey };
}

const seal = (host: TestHost, sale: SalePayload) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });

function problemCodes(reply: Awaited<ReturnType<TestHost['invoke']>>): string[] {
  const error = errorOf(reply);
  expect(error.code).toBe('SEAL_REFUSED');
  return ((error.details as { problems: SaleProblem[] }).problems ?? []).map((p) => p.code);
}

describe('card tenders are checked against the host’s payment journal', () => {
  it('seals a card the terminal approved, for its amount', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('card-ok');
    const card = await pay(host, 'k-ok', totalOf(cart));
    expect(valueOf<SealedRecord>(await seal(host, saleOf(cart, [card]))).seq).toBe(1);
  });

  it('refuses a card marked approved that the terminal never saw, or approved for another amount', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('card-forged');
    const never: CardTender = { id: 't', method: 'card', amount: totalOf(cart), status: 'approved', attemptKey: 'never-asked' };
    expect(problemCodes(await seal(host, saleOf(cart, [never])))).toContain('card-journal');
    const small = await pay(host, 'k-small', 100);
    const inflated = { ...small, amount: totalOf(cart) };
    expect(problemCodes(await seal(host, saleOf(cart, [inflated])))).toContain('card-journal');
  });

  it('refuses a card approval another sale already used', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const first = cartOf('card-first');
    const card = await pay(host, 'k-shared', totalOf(first));
    valueOf(await seal(host, saleOf(first, [card])));
    const second = { ...cartOf('card-second'), lines: first.lines };
    expect(problemCodes(await seal(host, saleOf(second, [card])))).toContain('card-journal');
  });

  it('refuses a sale leaving out as declined a card the terminal approved', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('card-hidden');
    const card = await pay(host, 'k-hidden', 100);
    const hidden: CardTender = { ...card, status: 'declined' };
    expect(problemCodes(await seal(host, saleOf(cart, [hidden, ...cashFor(cart)])))).toContain('card-journal');
  });

  it('refuses a sale paid by a cash rounding adjustment or with change for nothing tendered', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('cash-forged');
    const total = totalOf(cart);
    const byRounding = {
      ...saleOf(cart, cashFor(cart)),
      tenders: [{ id: 'c', method: 'cash' as const, amount: 0, tendered: 0, change: 0, rounding: total }],
      change: 0,
      cashRounding: total,
    };
    expect(problemCodes(await seal(host, byRounding))).toEqual(expect.arrayContaining(['tender', 'cash-rounding']));
    const changeForNothing = {
      ...saleOf(cart, cashFor(cart)),
      tenders: [{ id: 'c', method: 'cash' as const, amount: total, tendered: 0, change: 5000, rounding: 0 }],
      change: 5000,
    };
    expect(problemCodes(await seal(host, changeForNothing))).toContain('tender');
  });
});

describe('approvals are issued and checked by the host', () => {
  it('seals a discount within the cashier’s limit with her own approval, and refuses one without an approval', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const plain = setLineDiscount(cartOf('disc-none'), 'l0', { kind: 'percent', bp: 1000 });
    expect(problemCodes(await seal(host, saleOf(plain, cashFor(plain))))).toContain('approval');
    const grant = await approval(host, 'sale.discount', { saleId: 'disc-own', lineId: 'l0', bp: 1000 });
    expect(grant.approvedBy).toBe(CAMILLE);
    const cart = setLineDiscount(cartOf('disc-own'), 'l0', {
      kind: 'percent',
      bp: 1000,
      approvalId: grant.approvalId,
      approvedBy: grant.approvedBy,
    });
    expect(valueOf<SealedRecord>(await seal(host, saleOf(cart, cashFor(cart)))).seq).toBe(1);
  });

  it('needs a manager’s PIN above the limit, keeps who approved, and refuses the approval spent on more', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const forbidden = errorOf(
      await host.invoke('approval.request', { action: 'sale.discount.large', subject: { saleId: 'big', lineId: 'l0', bp: 3000 } }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(errorOf(await host.invoke('approval.request', { action: 'sale.discount.large', pin: '1234', subject: {} })).code).toBe(
      'FORBIDDEN',
    );
    const grant = await approval(host, 'sale.discount.large', { saleId: 'big', lineId: 'l0', bp: 3000 }, SOPHIE_PIN);
    expect(grant).toMatchObject({ approvedBy: 'staff-sophie', approverName: 'Sophie' });
    const more = setLineDiscount(cartOf('big'), 'l0', { kind: 'percent', bp: 9000, ...grant });
    expect(problemCodes(await seal(host, saleOf(more, cashFor(more))))).toContain('approval');
    // A small approval does not cover a large discount either.
    const small = await approval(host, 'sale.discount', { saleId: 'big', lineId: 'l0', bp: 3000 });
    const smallForLarge = setLineDiscount(cartOf('big'), 'l0', { kind: 'percent', bp: 3000, ...small });
    expect(problemCodes(await seal(host, saleOf(smallForLarge, cashFor(smallForLarge))))).toContain('approval');
    const right = setLineDiscount(cartOf('big'), 'l0', { kind: 'percent', bp: 3000, ...grant });
    const record = valueOf<SealedRecord<'sale'>>(await seal(host, saleOf(right, cashFor(right))));
    expect(record.payload.lines[0]!.discount).toMatchObject({ approvalId: grant.approvalId, approvedBy: 'staff-sophie' });
  });

  it('refuses an approval used twice, an invented one, and one claimed in another name', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const grant = await approval(host, 'sale.discount', { bp: 500 });
    const one = setCartDiscount(cartOf('twice-1'), 500, grant);
    valueOf(await seal(host, saleOf(one, cashFor(one))));
    const two = setCartDiscount(cartOf('twice-2'), 500, grant);
    expect(problemCodes(await seal(host, saleOf(two, cashFor(two))))).toContain('approval');
    const invented = setCartDiscount(cartOf('invented'), 500, { approvalId: 'made-up', approvedBy: 'staff-sophie' });
    expect(problemCodes(await seal(host, saleOf(invented, cashFor(invented))))).toContain('approval');
    const mine = await approval(host, 'sale.discount', { bp: 500 });
    const renamed = setCartDiscount(cartOf('renamed'), 500, { ...mine, approvedBy: 'staff-sophie' });
    expect(problemCodes(await seal(host, saleOf(renamed, cashFor(renamed))))).toContain('approval');
  });

  it('refuses a price override whose approver is any string', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const forged = overridePrice(cartOf('override'), 'l0', 1, 'damaged', { approvalId: 'x', approvedBy: 'the-boss' });
    expect(problemCodes(await seal(host, saleOf(forged, cashFor(forged))))).toContain('approval');
    const grant = await approval(host, 'sale.price-override', { saleId: 'override', lineId: 'l0', unitPrice: 1 }, SOPHIE_PIN);
    const right = overridePrice(cartOf('override'), 'l0', 1, 'damaged', grant);
    expect(valueOf<SealedRecord>(await seal(host, saleOf(right, cashFor(right)))).seq).toBe(1);
  });

  it('seals a void with its approver beside the cashier, once per cart however often it is retried', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const payload = ({ approvalId, approvedBy }: { approvalId: string; approvedBy: string }) => ({
      type: 'sale.void',
      saleId: 'cart-v',
      staffId: CAMILLE,
      lineCount: 1,
      total: 199,
      currency: 'EUR',
      lines: [{ sku: 'A', quantity: 1, amount: 199 }],
      approvalId,
      approvedBy,
    });
    const first = await approval(host, 'sale.void', { saleId: 'cart-v' });
    const sealed = valueOf<SealedRecord>(await host.invoke('fiscal.seal', { chain: 'event', id: 'void-cart-v', payload: payload(first) }));
    expect(sealed.payload).toMatchObject({ staffId: CAMILLE, approvedBy: CAMILLE, approvalId: first.approvalId });
    // The reply was lost; the page asks again, with a new approval: the same void comes back.
    const again = await approval(host, 'sale.void', { saleId: 'cart-v' });
    const retried = valueOf<SealedRecord>(await host.invoke('fiscal.seal', { chain: 'event', id: 'void-cart-v', payload: payload(again) }));
    expect(retried.seq).toBe(sealed.seq);
    const events = valueOf<{ records: SealedRecord[] }>(
      await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 100 }),
    ).records;
    expect(events.filter((e) => e.payload.type === 'sale.void')).toHaveLength(1);
  });
});

describe('terminal.refund', () => {
  it('needs the refund permission or an approval, a sale of this till, and seals its request before the terminal is asked', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('refund-me');
    const card = await pay(host, 'k-refund', totalOf(cart));
    valueOf(await seal(host, saleOf(cart, [card])));
    const request = { attemptKey: 'r-1', amount: 100, currency: 'EUR', saleId: 'refund-me' };
    expect(errorOf(await host.invoke('terminal.refund', request)).code).toBe('FORBIDDEN');
    expect(host.context.terminal.journal.get('r-1')).toBeUndefined();
    expect(errorOf(await host.invoke('terminal.refund', { ...request, saleId: 'no-such-sale' })).code).toBe('NOT_FOUND');
    const tooMuch = await approval(host, 'sale.refund', { saleId: 'refund-me', amount: totalOf(cart) + 1 }, SOPHIE_PIN);
    expect(
      problemCodes(await host.invoke('terminal.refund', { ...request, amount: totalOf(cart) + 1, approvalId: tooMuch.approvalId })),
    ).toContain('payment');
    const grant = await approval(host, 'sale.refund', { saleId: 'refund-me', amount: 100 }, SOPHIE_PIN);
    expect(valueOf<CardResult>(await host.invoke('terminal.refund', { ...request, approvalId: grant.approvalId })).status).toBe('approved');
    const events = valueOf<{ records: SealedRecord[] }>(
      await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 100 }),
    ).records;
    const trail = events.filter((e) => e.payload.type.startsWith('refund.')).map((e) => e.payload);
    expect(trail).toEqual([
      {
        type: 'refund.request',
        attemptKey: 'r-1',
        saleId: 'refund-me',
        amount: 100,
        currency: 'EUR',
        staffId: CAMILLE,
        approvalId: grant.approvalId,
        approvedBy: 'staff-sophie',
      },
      { type: 'refund.result', attemptKey: 'r-1', status: 'approved', amount: 100 },
    ]);
    // The same approval cannot pay a second refund.
    expect(problemCodes(await host.invoke('terminal.refund', { ...request, attemptKey: 'r-2', approvalId: grant.approvalId }))).toContain(
      'approval',
    );
  });
});

describe('staff of a real till', () => {
  it('has no demo staff, refuses to sign anyone in before its first manager is set up, then works', async () => {
    const host = await hosts.start(await dirs.make(), { demo: false });
    const hello = valueOf<{ needsSetup: boolean }>(await host.invoke('host.hello', undefined));
    expect(hello.needsSetup).toBe(true);
    for (const pin of ['1234', '5678', '246810'])
      expect(errorOf(await host.invoke('session.signIn', { staffId: 'staff-camille', pin })).code).toBe('SETUP_REQUIRED');
    expect(errorOf(await host.invoke('staff.setup', { displayName: 'Nadia', pin: '1234' })).code).toBe('INVALID_REQUEST');
    const manager = valueOf<{ id: string; role: string }>(await host.invoke('staff.setup', { displayName: 'Nadia', pin: '4071' }));
    expect(manager.role).toBe('manager');
    expect(errorOf(await host.invoke('staff.setup', { displayName: 'Eve', pin: '9182' })).code).toBe('FORBIDDEN');
    await signIn(host, '4071');
    const events = valueOf<{ records: SealedRecord[] }>(
      await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 100 }),
    ).records;
    expect(events.map((e) => e.payload.type)).toEqual(['till.start', 'staff.setup', 'session.sign-in']);
  });

  it('drops the demo staff a demo start left behind when the till becomes a real store’s', async () => {
    const dir = await dirs.make();
    const demo = await hosts.start(dir);
    await signIn(demo);
    await demo.close();
    const real = await hosts.start(dir, { demo: false });
    expect(errorOf(await real.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' })).code).toBe('SETUP_REQUIRED');
  });
});
