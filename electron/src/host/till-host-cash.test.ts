import {
  addProduct,
  buildSale,
  closeInputOf,
  closeSession,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  FISCAL_CHAINS,
  formatAmount,
  KeyRing,
  verifyChain,
  xReport,
  type CardResult,
  type CardTender,
  type CashCountResult,
  type CashSessionView,
  type ClosingSummary,
  type DownloadFile,
  type PeriodClosingPayload,
  type SalePayload,
  type SealedRecord,
  type SessionXReport,
  type Tender,
  type ZReportView,
} from '@pos/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approval, capturingPrinter, errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/**
 * Cash sessions and closings at a real host (issue 12): every step sealed, the state rebuilt from
 * the journal after a restart, the Z numbered, sealed, printed and given as a PDF.
 */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  vi.useRealTimers();
  await hosts.closeAll();
  await dirs.cleanup();
});

const store = demoStoreProfile();
const MANAGER_PIN = '5678';
const FLOAT = { '2000': 5, '500': 4, '100': 10 }; // 100 + 20 + 10 = 130.00 €

function saleOf(
  id: string,
  sessionId: string,
  tenders: (total: number) => Tender[],
  products = [100, 205],
  staffId = 'staff-camille',
): SalePayload {
  let cart = emptyCart(id, 'EUR', new Date(Date.now() - 60_000).toISOString());
  for (const [i, index] of products.entries()) cart = addProduct(cart, demoProduct(index), { lineId: `l${i}` });
  const total = cartTotals(cart, store.vatRates).total;
  return buildSale(cart, tenders(total), {
    storeId: 'S001',
    tillId: 'T01',
    staffId,
    completedAt: new Date().toISOString(),
    vatRates: store.vatRates,
    cashRounding: store.cashRounding,
    timeZone: store.timeZone,
    sessionId,
  });
}

const cash = (total: number): Tender[] => [cashTender('cash-1', total, [], total + 1000, store.cashRounding)];

async function card(host: TestHost, attemptKey: string, amount: number): Promise<CardTender> {
  const result = valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey, amount, currency: 'EUR' }));
  expect(result.status).toBe('approved');
  return { id: `t-${attemptKey}`, method: 'card', amount, status: 'approved', attemptKey };
}

const seal = (host: TestHost, sale: SalePayload) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });

async function chain(host: TestHost, name: (typeof FISCAL_CHAINS)[number]): Promise<SealedRecord[]> {
  return valueOf<{ records: SealedRecord[] }>(await host.invoke('journal.read', { chain: name, afterSeq: 0, limit: 5000 })).records;
}

async function opened(host: TestHost): Promise<string> {
  const view = valueOf<CashSessionView>(await host.invoke('cash.open', { count: FLOAT }));
  if (view.state === 'none') throw new Error('not open');
  return view.sessionId;
}

describe('a cash session from the float to its Z', () => {
  it('opens, sells in cash and by card, pays out, gives the X of the sealed sales, counts blind, needs an approval, seals Z 1, prints it and gives its PDF', async () => {
    const dir = await dirs.make();
    const printer = capturingPrinter();
    let host = await hosts.start(dir, { printer });
    await signIn(host);
    expect(valueOf<CashSessionView>(await host.invoke('cash.state', undefined))).toEqual({ state: 'none' });
    const sessionId = await opened(host);
    expect(printer.jobs).toContain('drawer pin 2');

    const s1 = saleOf('sale-1', sessionId, cash);
    valueOf(await seal(host, s1));
    const cardTotal = saleOf('sale-2', sessionId, cash, [100]).total;
    const cardTender = await card(host, 'card-1', cardTotal);
    valueOf(
      await seal(
        host,
        saleOf('sale-2', sessionId, () => [cardTender], [100]),
      ),
    );
    // A sale of no session, or of another, is refused while this one is open.
    const stray = saleOf('sale-x', 'other-session', cash);
    expect((errorOf(await seal(host, stray)).details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain('session');

    // Paying out cites an approval from the host's approval book (action cash.move, bound to the
    // movement and its amount): the cashier alone gets none, a manager's PIN typed here gives one.
    const payOut = { kind: 'pay-out', amount: 1250, reason: 'Window cleaner', movementId: 'mv-1' };
    expect(errorOf(await host.invoke('cash.move', payOut)).code).toBe('FORBIDDEN');
    expect(
      errorOf(await host.invoke('approval.request', { action: 'cash.move', subject: { movementId: 'mv-1', amount: 1250 } })).details,
    ).toMatchObject({
      reason: 'approver-needed',
    });
    // An approval for another movement, another amount, a blank subject or another action does not do.
    const other = await approval(host, 'cash.move', { movementId: 'mv-2', amount: 1250 }, MANAGER_PIN);
    const more = await approval(host, 'cash.move', { movementId: 'mv-1', amount: 125 }, MANAGER_PIN);
    const blank = await approval(host, 'cash.move', {}, MANAGER_PIN);
    const drawer = await approval(host, 'drawer.open', {}, MANAGER_PIN);
    for (const wrong of [other, more, blank, drawer]) {
      const ref = { approvalId: wrong.approvalId, approvedBy: wrong.approvedBy };
      expect(errorOf(await host.invoke('cash.move', { ...payOut, approval: ref })).details).toMatchObject({ cash: 'movement-approval' });
    }
    const grant = await approval(host, 'cash.move', { movementId: 'mv-1', amount: 1250 }, MANAGER_PIN);
    expect(grant.approvedBy).toBe('staff-sophie');
    const ref = { approvalId: grant.approvalId, approvedBy: grant.approvedBy };
    // Naming someone else as the approver does not do either.
    expect(errorOf(await host.invoke('cash.move', { ...payOut, approval: { ...ref, approvedBy: 'staff-camille' } })).details).toMatchObject(
      {
        cash: 'movement-approval',
      },
    );
    const move = valueOf<{ record: SealedRecord<'event'>; drawerOpened: boolean }>(
      await host.invoke('cash.move', { ...payOut, approval: ref }),
    );
    expect(move.record.payload).toMatchObject({
      type: 'cash.movement',
      kind: 'pay-out',
      amount: 1250,
      approvedBy: 'staff-sophie',
      approvalId: grant.approvalId,
    });
    expect(move.drawerOpened).toBe(true);
    // A retry of the same movement gets its record; the approval is spent on it and allows no other.
    expect(valueOf<{ record: SealedRecord }>(await host.invoke('cash.move', { ...payOut, approval: ref })).record.id).toBe(move.record.id);
    expect(errorOf(await host.invoke('cash.move', { ...payOut, movementId: 'mv-3', approval: ref })).details).toMatchObject({
      cash: 'movement-approval',
    });
    expect(host.context.index.approvalUsedBy(grant.approvalId)).toBe(move.record.id);

    // The X is a manager's, and equals the sums of what the journal holds.
    expect(errorOf(await host.invoke('cash.x', undefined)).code).toBe('FORBIDDEN');
    expect(errorOf(await host.invoke('cash.printX', undefined)).code).toBe('FORBIDDEN');
    await signIn(host, MANAGER_PIN);
    const x = valueOf<SessionXReport>(await host.invoke('cash.x', undefined));
    const sealedSales = (await chain(host, 'sale')).map((r) => (r as SealedRecord<'sale'>).payload);
    const events = (await chain(host, 'event')).map((r) => r.payload) as SealedRecord<'event'>['payload'][];
    const session = events.find((e) => e.type === 'cash.session.open');
    const movements = events.filter((e) => e.type === 'cash.movement');
    expect(x).toEqual(xReport(session as never, sealedSales, [], movements as never));
    expect([x.totals.salesCount, x.totals.byTender.map((t) => t.method)]).toEqual([2, ['card', 'cash']]);
    expect(x.cash.expected).toBe(13_000 + s1.total - 1250);

    // The X printed: the host's own figures on the receipt printer, nothing sealed on any chain.
    const sealedBeforeX = await Promise.all(FISCAL_CHAINS.map((name) => chain(host, name).then((r) => r.length)));
    const printsBeforeX = printer.receipts.length;
    expect(valueOf<{ printed: boolean }>(await host.invoke('cash.printX', undefined)).printed).toBe(true);
    const xTicket = printer.receipts.slice(printsBeforeX);
    expect(xTicket).toHaveLength(1);
    const xText = xTicket[0]!.lines.map((l) => (l.kind === 'text' ? l.text : '')).join('\n');
    for (const words of [
      'RAPPORT X',
      'sans remise à zéro',
      'Journée',
      x.businessDate,
      'Espèces attendues',
      'TVA',
      formatAmount(x.cash.expected, 'EUR', 'fr-FR'),
    ])
      expect(xText).toContain(words);
    expect(xText).not.toContain('RAPPORT Z');
    expect(await Promise.all(FISCAL_CHAINS.map((name) => chain(host, name).then((r) => r.length)))).toEqual(sealedBeforeX);
    printer.fail = { status: 'failed', reason: 'io', message: 'Paper out' };
    expect(valueOf<{ printed: boolean; message: string }>(await host.invoke('cash.printX', undefined))).toEqual({
      printed: false,
      message: 'Paper out',
    });
    printer.fail = null;

    // Restart between steps: the session comes back from the journal, nothing lost or doubled.
    await host.close();
    host = await hosts.start(dir, { printer });
    await signIn(host, MANAGER_PIN);
    expect(valueOf<CashSessionView>(await host.invoke('cash.state', undefined))).toMatchObject({
      state: 'open',
      sessionId,
      movementCount: 1,
    });
    // Spent after a restart too: the journal says which record used it.
    expect(host.context.index.approvalUsedBy(grant.approvalId)).toBe(move.record.id);
    expect(errorOf(await host.invoke('cash.move', { ...payOut, movementId: 'mv-4', approval: ref })).details).toMatchObject({
      cash: 'movement-approval',
    });
    expect(valueOf<SessionXReport>(await host.invoke('cash.x', undefined))).toEqual(x);

    // Blind count: 20 € short in cash, the card batch right. Sealed before anything is revealed.
    const short = { '2000': 5, '500': 4, '100': 10 };
    const counted = valueOf<CashCountResult>(await host.invoke('cash.count', { cash: short, tenders: { card: cardTotal } }));
    expect(counted.needsApproval).toBe(true);
    expect(counted.z).toBeUndefined();
    const cashLine = counted.tenders.find((t) => t.method === 'cash')!;
    expect([cashLine.counted, cashLine.expected, cashLine.variance]).toEqual([13_000, x.cash.expected, 13_000 - x.cash.expected]);
    const countEvent = (await chain(host, 'event')).find((r) => r.payload.type === 'cash.count')!;
    expect(JSON.stringify(countEvent.payload)).not.toContain('expected');
    // Sales stop while the drawer is counted.
    const during = errorOf(await seal(host, saleOf('sale-3', sessionId, cash, [100], 'staff-sophie')));
    expect((during.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['session']);

    // Restart again after the count: the count is sealed, the close takes the manager's approval.
    await host.close();
    host = await hosts.start(dir, { printer });
    await signIn(host);
    expect(valueOf<CashSessionView>(await host.invoke('cash.state', undefined))).toMatchObject({ state: 'counted' });
    expect(errorOf(await host.invoke('cash.close', {})).details).toMatchObject({ cash: 'variance-needs-approval' });
    expect(errorOf(await host.invoke('cash.close', { approval: { managerPin: '1234', reason: 'Recounted' } })).code).toBe('FORBIDDEN');
    const printedBefore = printer.receipts.length;
    const z = valueOf<ZReportView>(await host.invoke('cash.close', { approval: { managerPin: MANAGER_PIN, reason: 'Recounted twice' } }));
    expect(z.zNumber).toBe(1);
    expect(z.record.chain).toBe('closing');
    expect(z.figures.approval).toEqual({ approvedBy: 'staff-sophie', reason: 'Recounted twice' });
    expect(z.figures.totals.total.net).toBe(s1.total + cardTotal);
    const printed = printer.receipts.slice(printedBefore);
    expect(printed).toHaveLength(1);
    const text = printed[0]!.lines.map((l) => (l.kind === 'text' ? l.text : '')).join('\n');
    for (const words of [
      'RAPPORT Z N° 1',
      'Journée',
      'Ouverte par',
      'Clôturée par',
      'Attendu',
      'Compté',
      'Écart',
      'TVA',
      'Grand total',
      'Empreinte',
      z.record.hash.slice(0, 8),
    ])
      expect(text).toContain(words);

    await signIn(host, MANAGER_PIN);
    const pdf = valueOf<DownloadFile>(await host.invoke('closing.pdf', { seq: z.record.seq }));
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(512 * 1024);
    expect(pdf.mediaType).toBe('application/pdf');
    expect(valueOf<{ printed: boolean }>(await host.invoke('closing.print', { seq: z.record.seq })).printed).toBe(true);

    // A second session's Z is 2, with the perpetual grand total carried on.
    await host.close();
    host = await hosts.start(dir, { printer });
    await signIn(host, MANAGER_PIN);
    const second = await opened(host);
    valueOf(await seal(host, saleOf('sale-4', second, cash, [100, 205], 'staff-sophie')));
    const exact = valueOf<CashCountResult>(
      await host.invoke('cash.count', { cash: { '2000': 5, '500': 4, '100': 10, ...countOfCash(saleOf('sale-4', second, cash).total) } }),
    );
    expect(exact.needsApproval).toBe(false);
    expect(exact.z?.zNumber).toBe(2);
    const zs = (await chain(host, 'closing')).map((r) => r.payload);
    expect(zs.map((p) => (p.type === 'closing.z' ? p.zNumber : 0))).toEqual([1, 2]);
    const [z1, z2] = zs as Extract<(typeof zs)[number], { type: 'closing.z' }>[];
    expect(z2!.perpetualGrandTotal).toBe(z1!.perpetualGrandTotal + z2!.figures.totals.total.net);

    // Every chain verifies as the hub's verifier checks it, the closing chain included.
    const publicKey = host.context.sealer.key.publicKeyHex;
    for (const name of FISCAL_CHAINS) expect(verifyChain(await chain(host, name), new KeyRing([publicKey]))).toEqual([]);
  });
});

/** A count of exactly `amount` in coins of 1 cent and notes of 10 € (test only). */
function countOfCash(amount: number): Record<string, number> {
  const tens = Math.floor(amount / 1000);
  return { '1000': tens, '1': amount - tens * 1000 };
}

describe('a stop between the close and its Z', () => {
  it('seals the missing Z at the next start, once', async () => {
    const dir = await dirs.make();
    const printer = capturingPrinter();
    let host = await hosts.start(dir, { printer });
    await signIn(host, MANAGER_PIN);
    const sessionId = await opened(host);
    const counted = valueOf<CashCountResult>(await host.invoke('cash.count', { cash: { '2000': 1 } }));
    expect(counted.needsApproval).toBe(true);
    // The close sealed, then the host stops before its Z (as a crash would leave it).
    const state = host.context.cash.state;
    if (state.status !== 'closing' || !state.count) throw new Error('not counted');
    const step = closeSession(
      state,
      closeInputOf(state.count, new Date().toISOString(), 'staff-sophie', { approvedBy: 'staff-sophie', reason: 'Test' }),
      { cash: 13_000 },
    );
    if (!step.ok) throw new Error(step.error);
    await host.context.sealer.seal({ chain: 'event', id: `cash-close-${sessionId}`, payload: step.payload });
    expect(await chain(host, 'closing')).toEqual([]);
    await host.close();
    host = await hosts.start(dir, { printer });
    const zs = await chain(host, 'closing');
    expect(zs.map((r) => [r.id, r.payload.type === 'closing.z' && r.payload.zNumber])).toEqual([[`z-${sessionId}`, 1]]);
    await host.close();
    host = await hosts.start(dir, { printer });
    expect(await chain(host, 'closing')).toHaveLength(1);
    expect(valueOf<CashSessionView>(await host.invoke('cash.state', undefined))).toEqual({ state: 'none' });
  });
});

describe('the 24 hours of a session, and the fiscal closings', () => {
  it('refuses a sale of a session open more than 24 hours, until it is closed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T08:00:00.000Z'));
    const host = await hosts.start(await dirs.make(), { printer: capturingPrinter() });
    await signIn(host, MANAGER_PIN);
    const sessionId = await opened(host);
    valueOf(await seal(host, saleOf('early', sessionId, cash, [100, 205], 'staff-sophie')));
    vi.setSystemTime(new Date('2026-12-02T08:30:00.000Z'));
    expect(valueOf<CashSessionView>(await host.invoke('cash.state', undefined))).toMatchObject({ mustCloseFirst: true });
    const refused = errorOf(await seal(host, saleOf('late', sessionId, cash, [100, 205], 'staff-sophie')));
    expect((refused.details as { problems: { code: string; message: string }[] }).problems[0]!.message).toMatch(/24 hours/);
    // Closing it is still allowed; the next session sells again.
    const expected = 13_000 + saleOf('early', sessionId, cash).total;
    const closed = valueOf<CashCountResult>(await host.invoke('cash.count', { cash: { ...FLOAT, ...countOfCash(expected - 13_000) } }));
    expect(closed.z?.zNumber).toBe(1);
    const next = await opened(host);
    valueOf(await seal(host, saleOf('next', next, cash, [100, 205], 'staff-sophie')));
  });

  it('seals the daily closings from the journal, then the month from its dailies; a closing never changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T09:00:00.000Z'));
    const printer = capturingPrinter();
    const dir = await dirs.make();
    let host = await hosts.start(dir, { printer });
    await signIn(host, MANAGER_PIN);
    // Two days of sales without a session (the store's cashSession is 'optional' by default).
    valueOf(await seal(host, saleOf('d1-a', '', cash, [100, 205], 'staff-sophie')));
    vi.setSystemTime(new Date('2026-11-03T09:00:00.000Z'));
    valueOf(await seal(host, saleOf('d2-a', '', cash, [100, 205], 'staff-sophie')));
    valueOf(await seal(host, saleOf('d2-b', '', cash, [205], 'staff-sophie')));
    expect(errorOf(await host.invoke('closing.run', { kind: 'month', period: '2026-11' })).details).toMatchObject({
      closing: 'period-not-over',
    });
    const day = valueOf<ClosingSummary[]>(await host.invoke('closing.run', { kind: 'day', period: '2026-11-02' }));
    expect(day.map((c) => [c.kind, c.label])).toEqual([['day', '2026-11-02']]);
    vi.setSystemTime(new Date('2026-12-01T09:00:00.000Z'));
    await host.close();
    host = await hosts.start(dir, { printer });
    await signIn(host, MANAGER_PIN);
    const month = valueOf<ClosingSummary[]>(await host.invoke('closing.run', { kind: 'month', period: '2026-11' }));
    expect(month.map((c) => [c.kind, c.label])).toEqual([
      ['day', '2026-11-03'],
      ['month', '2026-11'],
    ]);
    const records = await chain(host, 'closing');
    const payloads = records.map((r) => r.payload) as PeriodClosingPayload[];
    const [d1, d2, m] = payloads;
    expect(m!.closings).toEqual(['2026-11-02', '2026-11-03']);
    expect(m!.total.net).toBe(d1!.total.net + d2!.total.net);
    expect(m!.perpetualGrandTotal).toBe(d2!.perpetualGrandTotal);
    expect(m!.count).toBe(3);
    // Asked again: the month sealed is the answer, nothing new is sealed.
    expect(valueOf<ClosingSummary[]>(await host.invoke('closing.run', { kind: 'month', period: '2026-11' }))).toEqual([month[1]]);
    expect(await chain(host, 'closing')).toHaveLength(3);
    // A sale of a closed day is refused.
    vi.setSystemTime(new Date('2026-11-03T10:00:00.000Z'));
    const late = errorOf(await seal(host, saleOf('d2-late', '', cash, [100, 205], 'staff-sophie')));
    expect((late.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain('session');
    vi.setSystemTime(new Date('2026-12-01T09:00:00.000Z'));
    expect(valueOf<ClosingSummary[]>(await host.invoke('closing.list', { limit: 10 })).map((c) => c.label)).toEqual([
      '2026-11',
      '2026-11-03',
      '2026-11-02',
    ]);
    expect(verifyChain(records, new KeyRing([host.context.sealer.key.publicKeyHex]))).toEqual([]);
    // The fiscal year (January to December unless the store says otherwise) once it is over.
    vi.setSystemTime(new Date('2027-01-02T09:00:00.000Z'));
    const year = valueOf<ClosingSummary[]>(await host.invoke('closing.run', { kind: 'year', period: '2026' }));
    // Its last month is closed first (December, without sales: an empty monthly closing), then the year.
    expect(year.map((c) => [c.kind, c.label, c.total])).toEqual([
      ['month', '2026-12', 0],
      ['year', '2026', m!.total.net],
    ]);
    const last = (await chain(host, 'closing')).at(-1)!.payload as PeriodClosingPayload;
    expect([last.closings, last.perpetualGrandTotal]).toEqual([['2026-11', '2026-12'], m!.perpetualGrandTotal]);
  });
});
