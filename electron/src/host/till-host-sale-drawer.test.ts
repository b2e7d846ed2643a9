import {
  addProduct,
  buildSale,
  cartTotals,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  type CardResult,
  type PrintOutcome,
  type SaleDrawerResult,
} from '@pos/core';
import { demoSaleContext } from '@pos/core/test-support/sample-sale';
import { describe, expect, it } from 'vitest';
import { capturingPrinter, demoSale, errorOf, signIn, TEST_ENV, valueOf, type TestHost } from './test-support/host-harness';
import { printingRig } from './test-support/fake-printers';

/** A cash sale's drawer opens once, whether the customer wants a paper receipt or not. */
const { dirs, hosts, fakePrinter } = printingRig();

async function sealCash(host: TestHost, saleId: string): Promise<void> {
  valueOf(await host.invoke('fiscal.seal', { chain: 'sale', id: saleId, payload: demoSale({ saleId }) }));
}

const openFor = async (host: TestHost, saleId: string) => valueOf<SaleDrawerResult>(await host.invoke('drawer.openForSale', { saleId }));

describe('drawer.openForSale', () => {
  it('opens the drawer of a cash sale with no receipt printed, once, also after a restart', async () => {
    const printer = await fakePrinter();
    const dir = await dirs.make();
    const env = { ...TEST_ENV, POS_PRINTER: printer.target };
    const a = await hosts.start(dir, { env });
    await signIn(a);
    await sealCash(a, 'sale-no-paper');
    expect(await openFor(a, 'sale-no-paper')).toEqual({ status: 'opened' });
    await expect.poll(() => printer.drawerKicks.length).toBe(1);
    expect(printer.drawerKicks[0]).toMatchObject({ pin: 2 });
    // Asked again (a reload, a double tap): the drawer does not open a second time for the same sale.
    expect(await openFor(a, 'sale-no-paper')).toEqual({ status: 'already-opened' });
    await a.close();
    const b = await hosts.start(dir, { env });
    await signIn(b);
    expect(await openFor(b, 'sale-no-paper')).toEqual({ status: 'already-opened' });
    expect(printer.drawerKicks).toHaveLength(1);
  });

  it('leaves the drawer to its own kick: a paper receipt asked for afterwards prints without a second kick', async () => {
    const printer = await fakePrinter();
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealCash(host, 'sale-paper');
    expect(await openFor(host, 'sale-paper')).toEqual({ status: 'opened' });
    const received = new Promise<Buffer>((resolve) => printer.onReceipt(resolve));
    expect(valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-paper' })).status).toBe('printed');
    expect((await received).toString('latin1')).toContain('T01-000001');
    expect(printer.drawerKicks).toHaveLength(1);
  });

  it('says the drawer did not open when the printer is unreachable, and opens it once the printer is back', async () => {
    const printer = await fakePrinter({ mode: { kind: 'refuse' } });
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealCash(host, 'sale-offline');
    expect(await openFor(host, 'sale-offline')).toMatchObject({ status: 'failed', reason: 'unreachable' });
    expect(printer.drawerKicks).toHaveLength(0);
    // No byte reached the printer: trying again is safe, and opens it.
    await printer.setMode({ kind: 'normal' });
    expect(await openFor(host, 'sale-offline')).toEqual({ status: 'opened' });
    await expect.poll(() => printer.drawerKicks.length).toBe(1);
  });

  it('says so when the printer address is unusable, and stays quiet on a till set up with no printer (no drawer to drive)', async () => {
    const misconfigured = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: 'lpt9:nonsense' } });
    await signIn(misconfigured);
    await sealCash(misconfigured, 'sale-no-printer');
    expect(await openFor(misconfigured, 'sale-no-printer')).toMatchObject({ status: 'failed', reason: 'no-printer' });
    const none = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: 'none' } });
    await signIn(none);
    await sealCash(none, 'sale-none');
    expect(await openFor(none, 'sale-none')).toEqual({ status: 'not-due' });
  });

  it('never retries a kick that may have reached the drawer (a time-out)', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    await sealCash(host, 'sale-timeout');
    printer.fail = { status: 'failed', reason: 'timeout', message: 'no answer' };
    expect(await openFor(host, 'sale-timeout')).toMatchObject({ status: 'failed', reason: 'timeout' });
    printer.fail = null;
    expect(await openFor(host, 'sale-timeout')).toEqual({ status: 'already-opened' });
    expect(printer.jobs).toEqual(['drawer pin 2']);
  });

  it('does not open the drawer for a sale paid by card, nor for a sale this till never sealed', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    const store = demoStoreProfile();
    const cart = addProduct(emptyCart('sale-card', 'EUR', '2026-11-22T09:00:00.000Z'), demoProduct(100), { lineId: 'l0' });
    const amount = cartTotals(cart, store.vatRates).total;
    const paid = valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey: 'k-card', amount, currency: 'EUR' }));
    expect(paid.status).toBe('approved');
    const card = { id: 't-card', method: 'card', amount, status: 'approved', attemptKey: 'k-card' } as const;
    const sale = buildSale(cart, [card], demoSaleContext({ completedAt: new Date().toISOString() }));
    valueOf(await host.invoke('fiscal.seal', { chain: 'sale', id: 'sale-card', payload: sale }));
    expect(await openFor(host, 'sale-card')).toEqual({ status: 'not-due' });
    expect(errorOf(await host.invoke('drawer.openForSale', { saleId: 'no-such-sale' })).code).toBe('NOT_FOUND');
    expect(printer.jobs).toEqual([]);
  });
});
