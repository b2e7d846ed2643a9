import {
  receiptText,
  verifyChain,
  type HostHello,
  type PrinterStatus,
  type PrintOutcome,
  type ReprintResult,
  type SealedRecord,
} from '@pos/core';
import { describe, expect, it } from 'vitest';
import {
  approval,
  capturingPrinter,
  demoSale,
  errorOf,
  nextEvent,
  signIn,
  TEST_ENV,
  valueOf,
  type TestHost,
} from './test-support/host-harness';
import { printingRig } from './test-support/fake-printers';

/** Receipts are built by the host from the sealed record; reprints are sealed DUPLICATAs. */
const { dirs, hosts, fakePrinter } = printingRig();

async function sealSale(host: TestHost, saleId: string): Promise<SealedRecord<'sale'>> {
  return valueOf(await host.invoke('fiscal.seal', { chain: 'sale', id: saleId, payload: demoSale({ saleId }) }));
}

describe('receipt.print', () => {
  it('delivers the ESC/POS bytes of the sealed sale to a network printer', async () => {
    const printer = await fakePrinter();
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealSale(host, 'sale-print');
    const received = new Promise<Buffer>((resolve) => printer.onReceipt(resolve));
    const outcome = valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-print' }));
    // The 80 mm profile asks for the printer's process ID response (GS ( H): paper came out.
    expect(outcome).toMatchObject({ status: 'printed' });
    expect(printer.confirmed).toHaveLength(1);
    // The receipt alone: a cash sale's drawer has its own kick (drawer.openForSale), printed or not.
    expect(printer.drawerKicks).toEqual([]);
    const bytes = await received;
    expect(outcome.status !== 'failed' && outcome.bytes).toBe(bytes.length);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    const text = bytes.toString('latin1');
    expect(text).toContain('picerie du March');
    expect(text).toContain('T01-000001');
    expect(text).not.toContain('DUPLICATA');
  });

  it('prints what was sealed: store, receipt number, lines, totals and cashier', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    const record = await sealSale(host, 'sale-text');
    valueOf(await host.invoke('receipt.print', { saleId: 'sale-text' }));
    const text = receiptText(printer.receipts[0]!);
    expect(text).toContain('T01-000001');
    expect(text).toContain('Camille');
    for (const line of record.payload.lines) expect(text).toContain(line.name.slice(0, 20));
    expect(text).toContain('[QR sale-text]');
  });

  it('answers NOT_FOUND for a sale this till never sealed, and for an event id', async () => {
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await signIn(host);
    expect(errorOf(await host.invoke('receipt.print', { saleId: 'no-such-sale' })).code).toBe('NOT_FOUND');
    const { approvalId, approvedBy } = await approval(host, 'sale.void', { saleId: 'x' });
    valueOf(
      await host.invoke('fiscal.seal', {
        chain: 'event',
        id: 'void-as-receipt',
        payload: {
          type: 'sale.void',
          saleId: 'x',
          staffId: 'staff-camille',
          lineCount: 0,
          total: 0,
          currency: 'EUR',
          lines: [],
          approvalId,
          approvedBy,
        },
      }),
    );
    expect(errorOf(await host.invoke('receipt.print', { saleId: 'void-as-receipt' })).code).toBe('NOT_FOUND');
    expect(errorOf(await host.invoke('receipt.reprint', { saleId: 'no-such-sale' })).code).toBe('NOT_FOUND');
  });

  it('reports an unreachable printer as an outcome, not an exception, and tells the renderers it is offline', async () => {
    const printer = await fakePrinter();
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealSale(host, 'sale-offline');
    expect(valueOf<PrinterStatus>(await host.invoke('printer.status', undefined)).state).toBe('ready');

    const offline = nextEvent<PrinterStatus>(
      (l) => host.on('printer.status', l),
      (s) => s.state === 'offline',
    );
    const seenBySockets: string[] = [];
    host.onAny((event) => seenBySockets.push(event));
    await printer.setMode({ kind: 'refuse' });
    const reply = await host.invoke('receipt.print', { saleId: 'sale-offline' });
    expect(reply.ok).toBe(true);
    expect(valueOf<PrintOutcome>(reply)).toMatchObject({ status: 'failed', reason: 'unreachable' });
    expect((await offline).message).toMatch(/refused|unreachable/i);
    expect(seenBySockets).toContain('printer.status');
    expect(valueOf<PrinterStatus>(await host.invoke('printer.status', undefined)).state).toBe('offline');

    // Back on: the next print goes through and the state returns to ready.
    await printer.setMode({ kind: 'normal' });
    const ready = nextEvent<PrinterStatus>(
      (l) => host.on('printer.status', l),
      (s) => s.state === 'ready',
    );
    expect(valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-offline' })).status).toBe('printed');
    await ready;
  });

  it('reports a printer that is off from the first start', async () => {
    const printer = await fakePrinter({ mode: { kind: 'refuse' } });
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealSale(host, 'sale-never');
    expect(valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-never' }))).toMatchObject({
      status: 'failed',
      reason: 'unreachable',
    });
    expect(valueOf<PrinterStatus>(await host.invoke('printer.status', undefined))).toMatchObject({
      state: 'offline',
      target: printer.target,
    });
  });

  it('reports an unusable printer address as an outcome too', async () => {
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: 'lpt9:nonsense' } });
    await signIn(host);
    await sealSale(host, 'sale-misconfigured');
    const outcome = valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-misconfigured' }));
    expect(outcome).toMatchObject({ status: 'failed', reason: 'no-printer' });
    expect(valueOf<PrinterStatus>(await host.invoke('printer.status', undefined)).state).toBe('error');
  });
});

describe('the original receipt prints once', () => {
  it('refuses a second original, which must be a DUPLICATA, also after a restart', async () => {
    const dir = await dirs.make();
    const printer = capturingPrinter();
    const a = await hosts.start(dir, { printer });
    await signIn(a);
    await sealSale(a, 'sale-once');
    valueOf(await a.invoke('receipt.print', { saleId: 'sale-once' }));
    expect(errorOf(await a.invoke('receipt.print', { saleId: 'sale-once' })).code).toBe('RECEIPT_ALREADY_PRINTED');
    await a.close();
    const b = await hosts.start(dir, { printer });
    await signIn(b);
    expect(errorOf(await b.invoke('receipt.print', { saleId: 'sale-once' })).code).toBe('RECEIPT_ALREADY_PRINTED');
    expect(valueOf<ReprintResult>(await b.invoke('receipt.reprint', { saleId: 'sale-once' })).reprintNumber).toBe(1);
    expect(printer.receipts.map((r) => r.duplicate ?? 0)).toEqual([0, 1]);
  });

  it('prints the original again only when no printer was reached the first time', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    await sealSale(host, 'sale-unreached');
    printer.fail = { status: 'failed', reason: 'unreachable', message: 'connection refused' };
    expect(valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-unreached' })).status).toBe('failed');
    printer.fail = null;
    expect(valueOf<PrintOutcome>(await host.invoke('receipt.print', { saleId: 'sale-unreached' })).status).toBe('sent');
    // A time-out may have printed it: from then on, only duplicates.
    await sealSale(host, 'sale-timeout');
    printer.fail = { status: 'failed', reason: 'timeout', message: 'no answer' };
    valueOf(await host.invoke('receipt.print', { saleId: 'sale-timeout' }));
    printer.fail = null;
    expect(errorOf(await host.invoke('receipt.print', { saleId: 'sale-timeout' })).code).toBe('RECEIPT_ALREADY_PRINTED');
  });
});

describe('receipt.reprint', () => {
  it('numbers reprints 1 then 2, seals each on the duplicate chain and prints DUPLICATA n° 2', async () => {
    const printer = capturingPrinter();
    const host = await hosts.start(await dirs.make(), { printer });
    await signIn(host);
    const sale = await sealSale(host, 'sale-dup');
    const first = valueOf<ReprintResult>(await host.invoke('receipt.reprint', { saleId: 'sale-dup' }));
    const second = valueOf<ReprintResult>(await host.invoke('receipt.reprint', { saleId: 'sale-dup' }));
    expect([first.reprintNumber, second.reprintNumber]).toEqual([1, 2]);
    for (const [i, result] of [first, second].entries()) {
      expect(result.event.chain).toBe('duplicate');
      expect(result.event.seq).toBe(i + 1);
      expect(result.event.payload).toEqual({
        type: 'duplicate',
        saleId: 'sale-dup',
        receiptSeq: sale.seq,
        duplicateNumber: i + 1,
        staffId: 'staff-camille',
      });
      expect(result.outcome).toEqual({ status: 'sent', bytes: 100 });
    }
    expect(second.event.seq).toBe(first.event.seq + 1);
    expect(receiptText(printer.receipts[0]!)).toContain('DUPLICATA n° 1');
    expect(receiptText(printer.receipts[1]!)).toContain('DUPLICATA n° 2');
    expect(printer.receipts[1]!.duplicate).toBe(2);
    const { publicKey } = valueOf<HostHello>(await host.invoke('host.hello', undefined));
    const duplicates = valueOf<{ records: SealedRecord[] }>(
      await host.invoke('journal.read', { chain: 'duplicate', afterSeq: 0, limit: 100 }),
    ).records;
    expect(duplicates).toEqual([first.event, second.event]);
    expect(verifyChain(duplicates, publicKey)).toEqual([]);
  });

  it('gives two concurrent reprints the numbers 1 and 2', async () => {
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await signIn(host);
    await sealSale(host, 'sale-twice');
    const results = await Promise.all([
      host.invoke('receipt.reprint', { saleId: 'sale-twice' }),
      host.invoke('receipt.reprint', { saleId: 'sale-twice' }),
      host.invoke('receipt.reprint', { saleId: 'sale-twice' }),
    ]);
    expect(results.map((r) => valueOf<ReprintResult>(r).reprintNumber).sort()).toEqual([1, 2, 3]);
  });

  it('seals the reprint even when the printer is unreachable, and the outcome says why', async () => {
    const printer = await fakePrinter({ mode: { kind: 'refuse' } });
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealSale(host, 'sale-reprint-off');
    const result = valueOf<ReprintResult>(await host.invoke('receipt.reprint', { saleId: 'sale-reprint-off' }));
    expect(result.reprintNumber).toBe(1);
    expect(result.outcome).toMatchObject({ status: 'failed', reason: 'unreachable' });
  });

  it('prints DUPLICATA bytes on a network printer', async () => {
    const printer = await fakePrinter();
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_PRINTER: printer.target } });
    await signIn(host);
    await sealSale(host, 'sale-dup-bytes');
    const received = new Promise<Buffer>((resolve) => printer.onReceipt(resolve));
    valueOf(await host.invoke('receipt.reprint', { saleId: 'sale-dup-bytes' }));
    expect((await received).toString('latin1')).toContain('DUPLICATA');
  });

  it('continues the reprint count after a restart', async () => {
    const dir = await dirs.make();
    const a = await hosts.start(dir, { printer: capturingPrinter() });
    await signIn(a);
    await sealSale(a, 'sale-restart');
    valueOf(await a.invoke('receipt.reprint', { saleId: 'sale-restart' }));
    valueOf(await a.invoke('receipt.reprint', { saleId: 'sale-restart' }));
    await a.close();
    const printer = capturingPrinter();
    const b = await hosts.start(dir, { printer });
    await signIn(b);
    expect(valueOf<ReprintResult>(await b.invoke('receipt.reprint', { saleId: 'sale-restart' })).reprintNumber).toBe(3);
    expect(receiptText(printer.receipts[0]!)).toContain('DUPLICATA n° 3');
  });

  it('needs a session', async () => {
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await signIn(host);
    await sealSale(host, 'sale-session');
    valueOf(await host.invoke('session.signOut', undefined));
    expect(errorOf(await host.invoke('receipt.reprint', { saleId: 'sale-session' })).code).toBe('NOT_SIGNED_IN');
  });
});
