import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KeyRing, verifyChain, type HostHello, type SalePayload, type SealedRecord, type StaffMember } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { approval, demoSale, errorOf, hostPool, signIn, tempDirs, TEST_ENV, valueOf, type TestHost } from './test-support/host-harness';

/** Sealing through the host's front door, end to end: session, validation, chain, journal, restart. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

async function hello(host: TestHost): Promise<HostHello> {
  return valueOf<HostHello>(await host.invoke('host.hello', undefined));
}

async function readAll(host: TestHost, chain: 'sale' | 'event'): Promise<SealedRecord[]> {
  return valueOf<{ records: SealedRecord[] }>(await host.invoke('journal.read', { chain, afterSeq: 0, limit: 5000 })).records;
}

function seal(host: TestHost, saleId: string, payload: unknown = demoSale({ saleId })) {
  return host.invoke('fiscal.seal', { chain: 'sale', id: saleId, payload });
}

describe('sign-in', () => {
  it('signs in with a good PIN and seals a session.sign-in event', async () => {
    const host = await hosts.start(await dirs.make());
    const member = valueOf<StaffMember>(await host.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' }));
    expect(member).toEqual({ id: 'staff-camille', displayName: 'Camille', role: 'cashier' });
    expect(valueOf(await host.invoke('session.current', undefined))).toEqual(member);
    const events = await readAll(host, 'event');
    expect(events.map((e) => e.payload.type)).toEqual(['till.start', 'session.sign-in']);
    expect(events.at(-1)?.payload).toEqual({ type: 'session.sign-in', staffId: 'staff-camille' });
    expect(verifyChain(events, (await hello(host)).publicKey)).toEqual([]);
  });

  it('refuses a wrong PIN without sealing anything', async () => {
    const host = await hosts.start(await dirs.make());
    expect(errorOf(await host.invoke('session.signIn', { staffId: 'staff-camille', pin: '0000' })).code).toBe('WRONG_PIN');
    expect((await readAll(host, 'event')).map((e) => e.payload.type)).toEqual(['till.start']);
  });

  it('seals the sign-out too, and then refuses what needs a session', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    valueOf(await host.invoke('session.signOut', undefined));
    expect((await readAll(host, 'event')).at(-1)?.payload).toEqual({ type: 'session.sign-out', staffId: 'staff-camille' });
    expect(errorOf(await seal(host, 'after-out')).code).toBe('NOT_SIGNED_IN');
  });
});

describe('fiscal.seal of a sale', () => {
  it('seals a real sale into a chain that core verifies with the public key from host.hello', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const payload = demoSale({ saleId: 'sale-0001', extraCash: 250 });
    const record = valueOf<SealedRecord<'sale'>>(await seal(host, 'sale-0001', payload));
    expect(record).toMatchObject({ chain: 'sale', id: 'sale-0001', seq: 1, storeId: 'S001', tillId: 'T01', payload });
    const second = valueOf<SealedRecord<'sale'>>(await seal(host, 'sale-0002'));
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(record.hash);
    const { publicKey, keyId, heads } = await hello(host);
    expect(record.keyId).toBe(keyId);
    expect(heads.sale).toBe(2);
    const sales = await readAll(host, 'sale');
    expect(sales).toEqual([record, second]);
    expect(verifyChain(sales, publicKey)).toEqual([]);
    expect(verifyChain(await readAll(host, 'event'), publicKey)).toEqual([]);
  });

  it('returns the same record for a retry with the same id and content', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const payload = demoSale({ saleId: 'sale-retry' });
    const first = valueOf(await seal(host, 'sale-retry', payload));
    const again = valueOf(await seal(host, 'sale-retry', structuredClone(payload)));
    expect(again).toEqual(first);
    expect((await hello(host)).heads.sale).toBe(1);
  });

  it('answers concurrent retries of one sale with one record', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const payload = demoSale({ saleId: 'sale-race' });
    const replies = await Promise.all(Array.from({ length: 5 }, () => seal(host, 'sale-race', payload)));
    const seqs = replies.map((r) => valueOf<SealedRecord>(r).seq);
    expect(seqs).toEqual([1, 1, 1, 1, 1]);
    expect((await readAll(host, 'sale')).length).toBe(1);
  });

  it('refuses the same id with other content with SEAL_CONFLICT, keeping the first', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const first = valueOf<SealedRecord>(await seal(host, 'sale-dup', demoSale({ saleId: 'sale-dup' })));
    const other = demoSale({ saleId: 'sale-dup', products: [300] });
    const error = errorOf(await seal(host, 'sale-dup', other));
    expect(error.code).toBe('SEAL_CONFLICT');
    expect(await readAll(host, 'sale')).toEqual([first]);
  });

  it('refuses tampered totals, a foreign store, another till, another staff member, a mismatched id', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const good = demoSale({ saleId: 's1' });
    const cases: Record<string, { id: string; payload: unknown; problem: RegExp }> = {
      'total lowered': { id: 's1', payload: { ...good, total: good.total - 1 }, problem: /total/ },
      'subtotal changed': { id: 's1', payload: { ...good, subtotal: good.subtotal + 100 }, problem: /subtotal/ },
      'line net changed': {
        id: 's1',
        payload: { ...good, lines: good.lines.map((l, i) => (i === 0 ? { ...l, net: l.net - 10 } : l)) },
        problem: /net/,
      },
      'VAT changed': { id: 's1', payload: { ...good, vat: good.vat.map((v) => ({ ...v, vat: v.vat + 1 })) }, problem: /VAT/ },
      'change invented': { id: 's1', payload: { ...good, change: 500 }, problem: /change/ },
      'not paid': { id: 's1', payload: { ...good, tenders: [] }, problem: /leave \d+ to pay/ },
      'foreign store': { id: 's2', payload: demoSale({ saleId: 's2', storeId: 'S999' }), problem: /store S999/ },
      'another till': { id: 's3', payload: demoSale({ saleId: 's3', tillId: 'T99' }), problem: /till T99/ },
      "another staff member's sale": {
        id: 's4',
        payload: demoSale({ saleId: 's4', staffId: 'staff-sophie' }),
        problem: /signed-in cashier/,
      },
      'record id differs from the sale id': { id: 's5', payload: demoSale({ saleId: 's6' }), problem: /sale id differs/ },
      'foreign currency': { id: 's1', payload: { ...good, currency: 'USD' }, problem: /currency/ },
      'negative quantity': {
        id: 's1',
        payload: { ...good, lines: good.lines.map((l) => ({ ...l, quantity: -1 })) },
        problem: /quantity/,
      },
      'unknown VAT rate': {
        id: 's1',
        payload: { ...good, lines: good.lines.map((l) => ({ ...l, vatRateId: 'XX' })) },
        problem: /VAT rate/,
      },
    };
    for (const [what, { id, payload, problem }] of Object.entries(cases)) {
      const error = errorOf(await seal(host, id, payload));
      expect(error.code, what).toBe('SEAL_REFUSED');
      expect(error.message, what).toMatch(problem);
    }
    expect((await hello(host)).heads.sale).toBe(0);
  });

  it('refuses fields a sale does not have, so personal data cannot be sealed for ever (ARCHITECTURE §4)', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const one = demoSale({ saleId: 's-pii-1' });
    const two = demoSale({ saleId: 's-pii-2' });
    const cases: Record<string, SalePayload> = {
      'customer name on the sale': { ...one, customerName: 'Jeanne Martin', customerEmail: 'jeanne@example.org' } as unknown as SalePayload,
      'note on a line': { ...two, lines: two.lines.map((l, i) => (i === 0 ? { ...l, note: 'Mme Martin, 06 12 34 56 78' } : l)) },
    };
    const codes: Record<string, string> = {};
    for (const [what, payload] of Object.entries(cases)) {
      const reply = await seal(host, payload.saleId, payload);
      codes[what] = reply.ok ? 'sealed' : reply.error.code;
    }
    expect(codes).toEqual({ 'customer name on the sale': 'SEAL_REFUSED', 'note on a line': 'SEAL_REFUSED' });
  });
});

describe('fiscal.seal of an event', () => {
  it('refuses events the host writes itself', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const forged = [
      { type: 'till.start', appVersion: '9.9.9' },
      { type: 'session.sign-in', staffId: 'staff-camille' },
      { type: 'session.sign-out', staffId: 'staff-camille' },
      { type: 'receipt.reprint', saleId: 'x', receiptSeq: 1, reprintNumber: 1, staffId: 'staff-camille' },
      { type: 'journal.repaired', segment: '2026-11.jsonl', droppedBytes: 0 },
      { type: 'something.else' },
    ];
    const before = (await hello(host)).heads.event;
    for (const [i, payload] of forged.entries()) {
      const error = errorOf(await host.invoke('fiscal.seal', { chain: 'event', id: `forged-${i}`, payload }));
      expect(error.code, payload.type).toBe('SEAL_REFUSED');
    }
    expect((await hello(host)).heads.event).toBe(before);
  });

  const voidEvent = (staffId: string, grant = { approvalId: 'none', approvedBy: staffId }, saleId = 'cart-1') => ({
    type: 'sale.void',
    saleId,
    staffId,
    lineCount: 1,
    total: 199,
    currency: 'EUR',
    lines: [{ sku: 'FRU-000100', quantity: 1, amount: 199 }],
    approvalId: grant.approvalId,
    approvedBy: grant.approvedBy,
  });

  it('seals a void by the signed-in cashier and refuses one in another name', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const grant = await approval(host, 'sale.void', { saleId: 'cart-1' });
    const record = valueOf<SealedRecord>(
      await host.invoke('fiscal.seal', { chain: 'event', id: 'void-cart-1', payload: voidEvent('staff-camille', grant) }),
    );
    expect(record.payload.type).toBe('sale.void');
    const other = await approval(host, 'sale.void', { saleId: 'cart-2' });
    const error = errorOf(
      await host.invoke('fiscal.seal', { chain: 'event', id: 'void-cart-2', payload: voidEvent('staff-sophie', other, 'cart-2') }),
    );
    expect(error.code).toBe('SEAL_REFUSED');
  });

  it('refuses a void that names nobody or carries no figures (the staff check must not be skippable)', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    const { staffId: _dropped, ...anonymous } = voidEvent('staff-camille');
    const shapes: Record<string, unknown> = {
      'no staffId': anonymous,
      'type only': { type: 'sale.void' },
      'figures of the wrong type': { ...voidEvent('staff-camille'), total: 'lots', lines: 'none' },
    };
    const codes: Record<string, string> = {};
    for (const [i, [what, payload]] of Object.entries(shapes).entries()) {
      const reply = await host.invoke('fiscal.seal', { chain: 'event', id: `void-bad-${i}`, payload });
      codes[what] = reply.ok ? `sealed as seq ${(reply.value as SealedRecord).seq}` : reply.error.code;
    }
    expect(codes).toEqual({
      'no staffId': 'SEAL_REFUSED',
      'type only': 'SEAL_REFUSED',
      'figures of the wrong type': 'SEAL_REFUSED',
    });
  });
});

describe('journal.read', () => {
  it('pages through a chain in order', async () => {
    const host = await hosts.start(await dirs.make());
    await signIn(host);
    for (let i = 1; i <= 5; i++) valueOf(await seal(host, `page-${i}`));
    const page = async (afterSeq: number, limit: number) =>
      valueOf<{ records: SealedRecord[]; headSeq: number }>(await host.invoke('journal.read', { chain: 'sale', afterSeq, limit }));
    const first = await page(0, 2);
    expect(first.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(first.headSeq).toBe(5);
    expect((await page(2, 2)).records.map((r) => r.seq)).toEqual([3, 4]);
    expect((await page(4, 2)).records.map((r) => r.id)).toEqual(['page-5']);
    expect((await page(5, 2)).records).toEqual([]);
    expect((await page(1_000, 10)).records).toEqual([]);
    const all: SealedRecord[] = [];
    for (let after = 0; ;) {
      const { records } = await page(after, 2);
      if (records.length === 0) break;
      all.push(...records);
      after = records.at(-1)!.seq;
    }
    expect(verifyChain(all, (await hello(host)).publicKey)).toEqual([]);
  });

  it('reads without a session (the renderer restores sales at start, before sign-in)', async () => {
    const host = await hosts.start(await dirs.make());
    expect(valueOf<{ headSeq: number }>(await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 10 })).headSeq).toBe(1);
  });
});

describe('restart', () => {
  it('continues both sequences on the same data directory with the same key', async () => {
    const dir = await dirs.make();
    const a = await hosts.start(dir);
    await signIn(a);
    valueOf(await seal(a, 'before-1'));
    valueOf(await seal(a, 'before-2'));
    const helloA = await hello(a);
    await a.close();

    const b = await hosts.start(dir);
    const helloB = await hello(b);
    expect(helloB.publicKey).toBe(helloA.publicKey);
    expect(helloB.keyId).toBe(helloA.keyId);
    expect(helloB.heads.sale).toBe(2);
    // The clean stop (till.stop) and the new start (till.start).
    expect(helloB.heads.event).toBe(helloA.heads.event + 2);
    // The session does not survive a restart.
    expect(errorOf(await seal(b, 'after-1')).code).toBe('NOT_SIGNED_IN');
    await signIn(b);
    expect(valueOf<SealedRecord>(await seal(b, 'after-1')).seq).toBe(3);
    // A retry of a sale sealed before the restart still returns the first seal.
    expect(valueOf<SealedRecord>(await seal(b, 'before-2')).seq).toBe(2);
    expect(verifyChain(await readAll(b, 'sale'), helloB.publicKey)).toEqual([]);
    const events = await readAll(b, 'event');
    expect(events.filter((e) => e.payload.type === 'till.start')).toHaveLength(2);
    expect(verifyChain(events, helloB.publicKey)).toEqual([]);
  });
});

describe('POS_FAULT', () => {
  it('is not active unless set', async () => {
    const host = await hosts.start(await dirs.make());
    expect(Object.hasOwn(host.context.sealer, 'seal')).toBe(false);
    await signIn(host);
    expect(valueOf<SealedRecord>(await seal(host, 'no-fault')).seq).toBe(1);
  });

  it('is not active for another value, nor taken from process.env when env is given', async () => {
    const previous = process.env.POS_FAULT;
    process.env.POS_FAULT = 'crash-after-seal';
    try {
      const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_FAULT: 'something-else' } });
      expect(Object.hasOwn(host.context.sealer, 'seal')).toBe(false);
      const other = await hosts.start(await dirs.make(), { env: TEST_ENV });
      expect(Object.hasOwn(other.context.sealer, 'seal')).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.POS_FAULT;
      else process.env.POS_FAULT = previous;
    }
  });

  it('is switched on by crash-after-seal (checked without sealing a sale, which would kill this process)', async () => {
    const host = await hosts.start(await dirs.make(), { env: { ...TEST_ENV, POS_FAULT: 'crash-after-seal' } });
    expect(Object.hasOwn(host.context.sealer, 'seal')).toBe(true);
    await signIn(host);
  });
});

describe('anchors', () => {
  it('stops sealing when a chain is shorter than the last start saw it (its tail dropped, checkpoint and all), naming the records', async () => {
    const dir = await dirs.make();
    const a = await hosts.start(dir);
    await signIn(a);
    for (const id of ['tail-1', 'tail-2', 'tail-3']) valueOf(await seal(a, id));
    await a.close();
    // The next start anchors the sale chain at 3.
    await (await hosts.start(dir)).close();
    // The last sale is cut out of the journal and the checkpoint removed: the journal alone reads as sound.
    const journalDir = path.join(dir, 'journal');
    const [segment] = (await readdir(journalDir)).filter((f) => f.endsWith('.jsonl'));
    const lines = (await readFile(path.join(journalDir, segment!), 'utf8')).split('\n');
    await writeFile(path.join(journalDir, segment!), lines.filter((l) => !l.includes('"id":"tail-3"')).join('\n'));
    await rm(path.join(journalDir, 'checkpoint.json'), { force: true });

    const c = await hosts.start(dir);
    const { fiscal } = await hello(c);
    expect(fiscal).toMatchObject({ state: 'stopped', reason: 'journal-damaged', problems: [{ chain: 'sale', seq: 3, code: 'missing' }] });
    await signIn(c).catch(() => undefined);
    expect(errorOf(await seal(c, 'after-cut')).code).toMatch(/SEALING_STOPPED|NOT_SIGNED_IN/);
    const events = await readAll(c, 'event');
    expect(events.at(-1)?.payload).toMatchObject({ type: 'journal.integrity', problems: [{ chain: 'sale', seq: 3, code: 'missing' }] });
  });
});

describe('fiscal.rotateKey', () => {
  it('lets a manager replace the signing key with one the old key endorses; the chains verify from the first key across a restart', async () => {
    const dir = await dirs.make();
    const a = await hosts.start(dir);
    await signIn(a);
    expect(errorOf(await a.invoke('fiscal.rotateKey', undefined)).code).toBe('FORBIDDEN');
    valueOf(await a.invoke('session.signOut', undefined));
    await signIn(a, '5678');
    const first = await hello(a);
    valueOf(await seal(a, 'before-rotation', demoSale({ saleId: 'before-rotation', staffId: 'staff-sophie' })));
    const rotated = valueOf<{ keyId: string; publicKey: string; record: SealedRecord<'event'> }>(
      await a.invoke('fiscal.rotateKey', undefined),
    );
    expect(rotated.keyId).not.toBe(first.keyId);
    expect(rotated.record.keyId).toBe(first.keyId);
    expect(rotated.record.payload).toMatchObject({ type: 'key.rotate', previousKeyId: first.keyId, keyId: rotated.keyId });
    const after = valueOf<SealedRecord>(await seal(a, 'after-rotation', demoSale({ saleId: 'after-rotation', staffId: 'staff-sophie' })));
    expect(after.keyId).toBe(rotated.keyId);
    expect((await hello(a)).keyId).toBe(rotated.keyId);
    await a.close();
    const b = await hosts.start(dir);
    expect((await hello(b)).fiscal).toEqual({ state: 'ok' });
    expect((await hello(b)).keyId).toBe(rotated.keyId);
    // An outsider who trusts only the first key follows the rotation on the event chain, then checks the sales.
    const ring = new KeyRing([first.publicKey]);
    expect(verifyChain(await readAll(b, 'event'), ring)).toEqual([]);
    expect(verifyChain(await readAll(b, 'sale'), ring)).toEqual([]);
  });
});
