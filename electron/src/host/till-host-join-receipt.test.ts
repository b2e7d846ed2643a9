import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { receiptText, type HostEvents, type SealedRecord } from '@pos/core';
import { joinProof } from '@pos/core/signup/join-link';
import { describe, expect, it } from 'vitest';
import { capturingPrinter, demoSale, nextEvent, signIn, valueOf, type TestHost } from './test-support/host-harness';
import { printingRig } from './test-support/fake-printers';

/** The loyalty sign-up's QR code the host prints on a sale without a member (core's joinLinkFor, withJoinCode). */
const { dirs, hosts } = printingRig();

async function sealSale(host: TestHost, saleId: string, extra: Record<string, unknown> = {}): Promise<SealedRecord<'sale'>> {
  return valueOf(await host.invoke('fiscal.seal', { chain: 'sale', id: saleId, payload: { ...demoSale({ saleId }), ...extra } }));
}

describe('the receipt’s sign-up code', () => {
  it('prints the sign-up link under the store’s public address, above the sale’s own code, on the original and a duplicate', async () => {
    const dir = await dirs.make();
    await writeFile(
      path.join(dir, 'store.json'),
      JSON.stringify({ receipt: { paper: 'ask', digitalBaseUrl: 'https://fidelite.example.com/' } }),
    );
    const printer = capturingPrinter();
    const host = await hosts.start(dir, { printer });
    await signIn(host);
    const record = await sealSale(host, 'sale-join');
    valueOf(await host.invoke('receipt.print', { saleId: 'sale-join' }));
    const url = `https://fidelite.example.com/join/S001/sale-join.${joinProof(record.hash)}`;
    const text = receiptText(printer.receipts[0]!);
    expect(text).toContain(`[QR ${url}]`);
    expect(text).toContain('Devenez membre');
    expect(text.indexOf(`[QR ${url}]`)).toBeLessThan(text.indexOf('[QR sale-join]'));
    valueOf(await host.invoke('receipt.reprint', { saleId: 'sale-join' }));
    expect(receiptText(printer.receipts[1]!)).toContain(`[QR ${url}]`);
  });

  it('prints none without an address to give, or on a member’s sale', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    await sealSale(host, 'sale-nohub');
    valueOf(await host.invoke('receipt.print', { saleId: 'sale-nohub' }));
    expect(receiptText(printer.receipts[0]!)).not.toContain('/join/');

    const dir = await dirs.make();
    await writeFile(
      path.join(dir, 'store.json'),
      JSON.stringify({ receipt: { paper: 'ask', digitalBaseUrl: 'https://fidelite.example.com/' } }),
    );
    const memberPrinter = capturingPrinter();
    const member = await hosts.start(dir, { printer: memberPrinter });
    await signIn(member);
    await sealSale(member, 'sale-member', { customerId: 'c-1' });
    valueOf(await member.invoke('receipt.print', { saleId: 'sale-member' }));
    expect(receiptText(memberPrinter.receipts[0]!)).not.toContain('/join/');
  });

  it('passes the sign-up link on to the customer’s screen after payment, and nothing but a web address', async () => {
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await signIn(host);
    const paid = { phase: 'paid', currency: 'EUR', total: 349, lines: [] } as const;
    const shown = (joinUrl: string) => {
      const next = nextEvent<HostEvents['display.state']>(
        (l) => host.on('display.state', l),
        () => true,
      );
      return host.invoke('display.show', { ...paid, joinUrl }).then(() => next);
    };
    const link = `https://fidelite.example.com/join/S001/s-1.${'0'.repeat(20)}`;
    expect(await shown(link)).toEqual({ ...paid, joinUrl: link });
    expect(await shown('javascript:alert(1)')).toEqual(paid);
  });
});
