import { receiptText, verifyChain, type SealedRecord, type TrainingState } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { capturingPrinter, demoSale, errorOf, signIn, valueOf, type TestHost } from './test-support/host-harness';
import { printingRig } from './test-support/fake-printers';

/** Training mode ("mode école"): started by a manager, sealed in the JET, its sales on a chain of their own. */
const { dirs, hosts } = printingRig();

const CAMILLE = '1234';
const SOPHIE = '5678';

const head = async (host: TestHost, chain: string) =>
  valueOf<{ records: SealedRecord[]; headSeq: number }>(await host.invoke('journal.read', { chain, afterSeq: 0, limit: 100 }));

const seal = (host: TestHost, saleId: string, training = false) =>
  host.invoke('fiscal.seal', {
    chain: 'sale',
    id: saleId,
    payload: demoSale({ saleId, staffId: 'staff-sophie', ...(training ? { training } : {}) }),
  });

describe('training mode', () => {
  it('is started by a manager: a cashier needs a manager’s PIN, and each change is a sealed JET event', async () => {
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await signIn(host, CAMILLE);
    expect(valueOf<TrainingState>(await host.invoke('training.state', undefined))).toEqual({ on: false });
    expect(errorOf(await host.invoke('training.set', { on: true }))).toMatchObject({ code: 'FORBIDDEN' });
    const on = valueOf<TrainingState>(await host.invoke('training.set', { on: true, managerPin: SOPHIE }));
    expect(on).toMatchObject({ on: true, staffId: 'staff-camille', approvedBy: 'staff-sophie' });
    // Asked again: nothing more is sealed.
    expect(valueOf<TrainingState>(await host.invoke('training.set', { on: true }))).toEqual(on);
    await host.invoke('session.signOut', undefined);
    await signIn(host, SOPHIE);
    expect(valueOf<TrainingState>(await host.invoke('training.set', { on: false }))).toEqual({ on: false });
    const events = (await head(host, 'event')).records.map((r) => r.payload as { type: string });
    expect(events.filter((e) => e.type.startsWith('training.'))).toEqual([
      { type: 'training.start', staffId: 'staff-camille', approvedBy: 'staff-sophie' },
      { type: 'training.stop', staffId: 'staff-sophie', approvedBy: 'staff-sophie' },
    ]);
  });

  it('seals sales on the training chain while on, never moving the sale chain, and prints MODE ÉCOLE; off, back to normal', async () => {
    const printer = capturingPrinter();
    const dir = await dirs.make();
    let host = await hosts.start(dir, { printer });
    const hello = valueOf<{ publicKey: string }>(await host.invoke('host.hello', undefined));
    await signIn(host, SOPHIE);
    const real = valueOf<SealedRecord<'sale'>>(await seal(host, 'real-1'));
    expect(real).toMatchObject({ chain: 'sale', seq: 1 });
    valueOf(await host.invoke('training.set', { on: true }));

    // A sale the screen did not mark as training is refused (the screen was out of date), and so is card money.
    expect(errorOf(await seal(host, 'not-marked'))).toMatchObject({ code: 'SEAL_REFUSED', details: { problems: [{ code: 'training' }] } });
    const byCard = demoSale({ saleId: 'train-card', staffId: 'staff-sophie', training: true });
    const card = { id: 'k', method: 'card', amount: byCard.total, status: 'approved', attemptKey: 'never-charged' };
    const refused = errorOf(await host.invoke('fiscal.seal', { chain: 'sale', id: 'train-card', payload: { ...byCard, tenders: [card] } }));
    expect((refused.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain('training');
    const fictitious = valueOf<SealedRecord<'training'>>(await seal(host, 'train-1', true));
    expect(fictitious).toMatchObject({ chain: 'training', seq: 1, payload: { training: true, v: 1 } });
    // Retried (a lost reply): the same record, not a second one.
    expect(valueOf(await seal(host, 'train-1', true))).toEqual(fictitious);
    expect((await head(host, 'sale')).headSeq).toBe(1);
    expect((await head(host, 'training')).headSeq).toBe(1);

    valueOf(await host.invoke('receipt.print', { saleId: 'train-1' }));
    const ticket = receiptText(printer.receipts.at(-1)!);
    expect(ticket.match(/\*\*\* MODE ÉCOLE \*\*\*/g)).toHaveLength(2);
    expect(ticket).toContain('S001-T01-ECOLE-000001');
    expect(printer.receipts.at(-1)!.training).toBe(true);

    // It survives a restart: the journal says training is on.
    await hosts.closeAll();
    host = await hosts.start(dir, { printer });
    await signIn(host, SOPHIE);
    expect(valueOf<TrainingState>(await host.invoke('training.state', undefined))).toMatchObject({ on: true });
    valueOf(await host.invoke('training.set', { on: false }));
    expect(errorOf(await seal(host, 'train-2', true))).toMatchObject({
      code: 'SEAL_REFUSED',
      details: { problems: [{ code: 'training' }] },
    });
    const after = valueOf<SealedRecord<'sale'>>(await seal(host, 'real-2'));
    expect(after).toMatchObject({ chain: 'sale', seq: 2, prevHash: real.hash });
    valueOf(await host.invoke('receipt.print', { saleId: 'real-2' }));
    expect(receiptText(printer.receipts.at(-1)!)).not.toContain('ÉCOLE');

    // Every chain verifies; the training chain on its own.
    for (const chain of ['sale', 'event', 'training']) expect(verifyChain((await head(host, chain)).records, hello.publicKey)).toEqual([]);
  });
});
