import { cartTotals, demoStoreProfile, returnCart, type CardResult, type CardTender, type SaleLookup, type SealedRecord } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { approval, errorOf, hostPool, signIn, tempDirs, valueOf } from '../test-support/host-harness';
import { cartOf, saleNow, sealSale as seal } from './test-support/returns-kit';

/** A return paid back on the card that paid the sale: the refund the terminal made is its tender, never a payment. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();

const card = (attemptKey: string, amount: number): CardTender => ({
  id: `t-${attemptKey}`,
  method: 'card',
  amount,
  status: 'approved',
  attemptKey,
});

describe('a return refunded by card', () => {
  it('is sealed with the terminal’s refund as its tender, and refused with a payment’s attempt', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const cart = cartOf('card-sale', [{ index: 100 }, { index: 205 }]);
    const total = cartTotals(cart, store.vatRates).total;
    expect(valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey: 'pay-1', amount: total, currency: 'EUR' })).status).toBe(
      'approved',
    );
    valueOf(await seal(host, saleNow(cart, { tenders: [card('pay-1', total)] })));

    const found = valueOf<SaleLookup>(await host.invoke('sale.lookup', { code: 'S001-T01-000001' }));
    const back = returnCart(found.record.payload, found.receipt, found.returned, new Map([['l1', 1]]), {
      id: 'card-back',
      startedAt: new Date().toISOString(),
    });
    const amount = cartTotals(back.cart, store.vatRates).total;
    // The sale's own payment cannot be handed back as if it were a refund.
    const problems = errorOf(await seal(host, saleNow(back.cart, { tenders: [card('pay-1', amount)], returnOf: back.returnOf })));
    expect(problems.code).toBe('SEAL_REFUSED');
    expect(JSON.stringify(problems.details)).toContain('card-journal');

    const grant = await approval(host, 'sale.refund', { saleId: 'card-sale', amount }, '5678');
    const refund = { attemptKey: 'refund-1', amount, currency: 'EUR', saleId: 'card-sale', approvalId: grant.approvalId };
    expect(valueOf<CardResult>(await host.invoke('terminal.refund', refund)).status).toBe('approved');
    const sealed = valueOf<SealedRecord<'sale'>>(
      await seal(host, saleNow(back.cart, { tenders: [card('refund-1', amount)], returnOf: back.returnOf })),
    );
    expect(sealed.payload).toMatchObject({ kind: 'return', total: amount, tenders: [{ method: 'card', attemptKey: 'refund-1' }] });
    expect(valueOf<SaleLookup>(await host.invoke('sale.lookup', { code: 'S001-T01-000001' })).returned).toEqual([
      { lineId: 'l1', quantity: 1 },
    ]);
  });
});
