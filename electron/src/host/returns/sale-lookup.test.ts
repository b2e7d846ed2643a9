import {
  digitalReceiptUrl,
  receiptText,
  returnCart,
  saleReceiptNumber,
  type SaleLookup,
  type SalePayloadV1,
  type SealedRecord,
} from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingPrinter, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from '../test-support/host-harness';
import { cartOf, saleNow, sealSale } from './test-support/returns-kit';
/** sale.lookup on a real host: the sale a receipt names, from this till's journal, with what returns took. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const seal = async (host: TestHost, sale: SalePayloadV1) => valueOf<SealedRecord<'sale'>>(await sealSale(host, sale));
const lookUp = (host: TestHost, code: string) => host.invoke('sale.lookup', { code });

async function sellTwoLines(host: TestHost): Promise<SealedRecord<'sale'>> {
  return seal(
    host,
    saleNow(
      cartOf('1b9d6bcd-bbfd-4b2d-9d5d-123456789012', [
        { index: 100, quantity: 3 },
        { index: 205, quantity: 1 },
      ]),
    ),
  );
}

describe('sale.lookup', () => {
  it('finds a sealed sale by its receipt code, the old code of this till, its QR code and its digital link', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const sale = await sellTwoLines(host);
    const receipt = saleReceiptNumber(sale);
    expect(receipt).toBe('S001-T01-000001');
    const link = digitalReceiptUrl('https://hub.example.com', { storeId: 'S001', id: sale.id, signature: sale.signature });
    for (const code of [receipt, ' s001-t01-000001 ', 'T01-000001', sale.id, link]) {
      const found = valueOf<SaleLookup>(await lookUp(host, code));
      expect(found.record.id, code).toBe(sale.id);
      expect(found.record.signature).toBe(sale.signature);
      expect(found).toMatchObject({ receipt, returned: [] });
    }
  });

  it('reports what earlier returns took of each line, across a restart', async () => {
    const dir = await dirs.make();
    let host = await hosts.start(dir);
    await signIn(host);
    const sale = await sellTwoLines(host);
    await seal(
      host,
      saleNow(cartOf('back-1', [{ index: 100, quantity: 2 }]), {
        returnOf: { saleId: sale.id, receipt: saleReceiptNumber(sale), lines: [{ lineId: 'l0', quantity: 2 }] },
      }),
    );
    expect(valueOf<SaleLookup>(await lookUp(host, 'S001-T01-000001')).returned).toEqual([{ lineId: 'l0', quantity: 2 }]);
    await host.close();
    host = await hosts.start(dir);
    await signIn(host);
    expect(valueOf<SaleLookup>(await lookUp(host, 'S001-T01-000001')).returned).toEqual([{ lineId: 'l0', quantity: 2 }]);
    // A return's own receipt is not a sale to return.
    expect(errorOf(await lookUp(host, 'S001-T01-000002'))).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'is-return' } });
  });

  it('refuses another till’s and another store’s codes, a sale not sealed yet, and what is no code, each with its reason', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    await sellTwoLines(host);
    const refusal = async (code: string) => errorOf(await lookUp(host, code));
    expect(await refusal('S001-T02-000001')).toMatchObject({
      code: 'SALE_NOT_FOUND',
      details: { reason: 'other-till', store: 'S001', till: 'T02' },
    });
    expect(await refusal('T02-000001')).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'other-till', till: 'T02' } });
    expect(await refusal('S999-T01-000001')).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'other-store', store: 'S999' } });
    expect(await refusal(`https://hub.example.com/r/S999/x.${'a'.repeat(32)}`)).toMatchObject({ details: { reason: 'other-store' } });
    expect(await refusal('S001-T01-000002')).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'sale-not-found' } });
    expect(await refusal('no-such-sale')).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'sale-not-found' } });
    expect(await refusal('S001 T01 000001')).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'receipt-unreadable' } });
    expect(await refusal('S001-T01-ECOLE-000001')).toMatchObject({ code: 'SALE_NOT_FOUND', details: { reason: 'is-training' } });
  });

  it('answers only a signed-in person', async () => {
    const host = await hosts.start(await dirs.make());
    expect(errorOf(await lookUp(host, 'S001-T01-000001')).code).toBe('NOT_SIGNED_IN');
  });

  it('prints a return’s ticket as a credit note naming the receipt it gives back, and opens the drawer for its cash', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    const sale = await sellTwoLines(host);
    const chosen = returnCart(sale.payload, saleReceiptNumber(sale), [], new Map([['l1', 1]]), {
      id: 'back-print',
      startedAt: new Date().toISOString(),
    });
    const back = await seal(host, saleNow(chosen.cart, { returnOf: chosen.returnOf }));
    expect(valueOf<{ status: string }>(await host.invoke('drawer.openForSale', { saleId: back.id })).status).toBe('opened');
    valueOf(await host.invoke('receipt.print', { saleId: back.id }));
    const text = receiptText(printer.receipts.at(-1)!);
    expect(text).toContain('AVOIR - RETOUR');
    expect(text).toContain('Retour du ticket n° S001-T01-000001');
    expect(text).toContain('S001-T01-000002');
  });
});
