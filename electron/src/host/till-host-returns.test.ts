import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  returnCart,
  saleReceiptNumber,
  setCartDiscount,
  setLineDiscount,
  type Cart,
  type ReturnOf,
  type SalePayloadV1,
  type SaleProblem,
  type SealedRecord,
} from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/** The host re-checks a sale document of version 1, and a return against the sale it gives back. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();

function paid(cart: Cart, extra: { returnOf?: ReturnOf; completedAt?: string } = {}): SalePayloadV1 {
  const total = cartTotals(cart, store.vatRates).total;
  return buildSale(cart, [cashTender('cash', total, [], total, store.cashRounding)], {
    storeId: 'S001',
    tillId: 'T01',
    staffId: 'staff-camille',
    completedAt: extra.completedAt ?? new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
    ...(extra.returnOf ? { returnOf: extra.returnOf } : {}),
  });
}

function cartOf(id: string, lines: readonly { index: number; quantity: number }[]): Cart {
  let cart = emptyCart(id, 'EUR', new Date().toISOString());
  for (const [i, { index, quantity }] of lines.entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}`, quantity });
  return cart;
}

const seal = (host: TestHost, sale: SalePayloadV1) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });

function refusal(reply: Awaited<ReturnType<TestHost['invoke']>>): SaleProblem[] {
  const error = errorOf(reply);
  expect(error.code).toBe('SEAL_REFUSED');
  return (error.details as { problems: SaleProblem[] }).problems;
}

/** A return of `quantity` of the original's first line (3 pieces of demo product 100). */
function returnOf(original: SealedRecord<'sale'>, id: string, quantity: number): SalePayloadV1 {
  const of = { saleId: original.id, receipt: saleReceiptNumber(original), lines: [{ lineId: 'l0', quantity }] };
  return paid(cartOf(id, [{ index: 100, quantity }]), { returnOf: of });
}

describe('the host seals sale documents of version 1', () => {
  it('seals a sale and its returns, never more back than was sold, earlier returns counted, across a restart', async () => {
    const dir = await dirs.make();
    let host = await hosts.start(dir);
    await signIn(host);
    const original = valueOf<SealedRecord<'sale'>>(
      await seal(
        host,
        paid(
          cartOf('sold', [
            { index: 100, quantity: 3 },
            { index: 205, quantity: 1 },
          ]),
        ),
      ),
    );
    expect(original.payload).toMatchObject({ v: 1, kind: 'sale', channel: 'store' });
    expect(saleReceiptNumber(original)).toBe('S001-T01-000001');

    const first = valueOf<SealedRecord<'sale'>>(await seal(host, returnOf(original, 'back-1', 2)));
    expect(first.payload).toMatchObject({ kind: 'return', returnOf: { saleId: 'sold', receipt: 'S001-T01-000001' } });
    expect(first.payload.total).toBeGreaterThan(0);

    const tooMany = refusal(await seal(host, returnOf(original, 'back-2', 2)));
    expect(tooMany.map((p) => p.code)).toEqual(['return']);
    expect(tooMany[0]!.message).toMatch(/2 back where 3 were sold and 2 already returned/);

    // The journal is the memory: after a restart the host still counts the first return.
    await host.close();
    host = await hosts.start(dir);
    await signIn(host);
    expect(refusal(await seal(host, returnOf(original, 'back-2', 2))).map((p) => p.code)).toEqual(['return']);
    expect(valueOf<SealedRecord<'sale'>>(await seal(host, returnOf(original, 'back-3', 1))).seq).toBe(3);
    expect(refusal(await seal(host, returnOf(original, 'back-4', 1)))[0]!.message).toMatch(/1 back where 3 were sold and 3 already/);
  });

  it('seals returns of a discounted line at what was paid for it, without a new approval; refuses more', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    let cart = cartOf('sold-off', [{ index: 100, quantity: 3 }]);
    const lineOff = await approval(host, 'sale.discount', { saleId: 'sold-off', lineId: 'l0', amount: 100 }, '5678');
    cart = setLineDiscount(cart, 'l0', { kind: 'amount', amount: 100, ...lineOff });
    const ticketOff = await approval(host, 'sale.discount', { saleId: 'sold-off', bp: 1000 }, '5678');
    cart = setCartDiscount(cart, 1000, { approvalId: ticketOff.approvalId, approvedBy: ticketOff.approvedBy });
    const original = valueOf<SealedRecord<'sale'>>(await seal(host, paid(cart)));
    const net = original.payload.lines[0]!.net;
    const back = (id: string, returned: { lineId: string; quantity: number }[], quantity: number) => {
      const built = returnCart(original.payload, saleReceiptNumber(original), returned, new Map([['l0', quantity]]), {
        id,
        startedAt: new Date().toISOString(),
      });
      return paid(built.cart, { returnOf: built.returnOf });
    };
    const first = valueOf<SealedRecord<'sale'>>(await seal(host, back('back-1', [], 1)));
    expect(first.payload.total).toBe(Math.floor(net / 3));
    // A refund of the full price for the last two is refused: more than the customer paid.
    const greedy = back('back-2', [{ lineId: 'l0', quantity: 1 }], 2);
    const line = greedy.lines[0]!;
    const { discount: _off, ...fullPrice } = line;
    const forged = paid({ ...cart, id: 'back-2', lines: [{ ...fullPrice }], cartDiscountBp: undefined } as Cart, {
      returnOf: greedy.returnOf!,
    });
    expect(refusal(await seal(host, forged)).map((p) => p.code)).toContain('return');
    const last = valueOf<SealedRecord<'sale'>>(await seal(host, back('back-3', [{ lineId: 'l0', quantity: 1 }], 2)));
    expect(first.payload.total + last.payload.total).toBe(net);
  });

  it('refuses a return of a line the original never had or at another price, and a business date not the store’s', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const original = valueOf<SealedRecord<'sale'>>(await seal(host, paid(cartOf('sold', [{ index: 100, quantity: 1 }]))));
    const other = paid(cartOf('back-other', [{ index: 205, quantity: 1 }]), {
      returnOf: { saleId: original.id, receipt: saleReceiptNumber(original), lines: [{ lineId: 'l0', quantity: 1 }] },
    });
    expect(refusal(await seal(host, other)).map((p) => p.code)).toContain('return');
    const sale = paid(cartOf('dated', [{ index: 100, quantity: 1 }]));
    const problems = refusal(await seal(host, { ...sale, businessDate: '2001-01-01' }));
    expect(problems.map((p) => p.code)).toEqual(['time']);
    expect(problems[0]!.message).toMatch(/business date 2001-01-01/);
  });
});
