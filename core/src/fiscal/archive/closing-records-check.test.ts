import { describe, expect, it } from 'vitest';
import type { CashMovementPayload, CashSessionClosePayload, CashSessionOpenPayload } from '../../cash/cash-session-payloads';
import { expectedByTender, zFigures } from '../../cash/session-report';
import type { ClosingSale, ClosingSaleRecord } from '../../closing/closing-sale';
import { dailyClosing, monthlyClosing, type PeriodClosingPayload } from '../../closing/period-closing';
import { reportTotals } from '../../closing/report-totals';
import { zClosing, type ZClosingPayload } from '../../closing/z-closing';
import { cashSale } from '../../test-support/sample-sale';
import type { EventPayload } from '../events';
import { testKey, TestTill, writeTestArchive } from './test-support/test-archive';
import { verifyArchive } from './verify-archive';

type Tamper = { readonly z?: (p: ZClosingPayload) => ZClosingPayload; readonly day?: (p: PeriodClosingPayload) => PeriodClosingPayload };

/** One cash session of a business day on till T01: its sales, a pay-out and a void, then its Z and the day's closing as the host seals them. */
function sealDay(till: TestTill, n: number, previous: { z?: ZClosingPayload; day?: PeriodClosingPayload }, tamper: Tamper) {
  const date = `2026-11-${20 + n}`;
  const sessionId = `cs-${n}`;
  const open: CashSessionOpenPayload = {
    type: 'cash.session.open',
    sessionId,
    tillId: till.tillId,
    staffId: 'staff-camille',
    openedAt: `${date}T07:00:00.000Z`,
    businessDate: date,
    currency: 'EUR',
    float: { count: { '5000': 2 }, total: 10_000 },
  };
  till.seal('event', `open-${n}`, open);
  const sales: ClosingSaleRecord[] = [];
  for (let i = 1; i <= n + 1; i++) {
    const payload = {
      ...cashSale({ saleId: `s-${n}-${i}`, storeId: till.storeId, tillId: till.tillId, completedAt: `${date}T09:0${i}:00.000Z` }),
      sessionId,
    };
    const record = till.seal('sale', payload.saleId, payload);
    sales.push({ seq: record.seq, hash: record.hash, payload: payload as ClosingSale });
  }
  const movement: CashMovementPayload = {
    type: 'cash.movement',
    sessionId,
    movementId: `m-${n}`,
    kind: 'safe-drop',
    amount: 2000,
    reason: 'Coffre',
    staffId: 'staff-camille',
  };
  const voided: EventPayload = {
    type: 'sale.void',
    saleId: `v-${n}`,
    staffId: 'staff-camille',
    lineCount: 1,
    total: 199,
    currency: 'EUR',
    lines: [],
  };
  till.seal('event', `m-${n}`, movement);
  till.seal('event', `v-${n}`, voided);
  const payloads = sales.map((s) => s.payload);
  const expected = expectedByTender(open.float.total, reportTotals(payloads), [movement]);
  const close: CashSessionClosePayload = {
    type: 'cash.session.close',
    sessionId,
    closedAt: `${date}T18:00:00.000Z`,
    staffId: 'staff-camille',
    currency: 'EUR',
    varianceLimit: 500,
    tenders: Object.entries(expected).map(([method, amount]) => ({ method, counted: amount, expected: amount, variance: 0 })),
  };
  till.seal('event', `close-${n}`, close);
  const z = zClosing(zFigures(open, close, payloads, [voided], [movement]), previous.z);
  till.seal('closing', `z-${n}`, tamper.z?.(z) ?? z);
  const day = dailyClosing({ date, currency: 'EUR', sales, ...(previous.day ? { previous: previous.day } : {}) });
  const sealedDay = tamper.day?.(day) ?? day;
  till.seal('closing', `day-${date}`, sealedDay);
  return { z, day: sealedDay };
}

/** Two business days of T01 (a Z and a daily closing each), then November's closing from the two days. */
async function closingArchive(tamper: Tamper = {}) {
  const till = new TestTill('S001', 'T01', testKey(2));
  till.start();
  const first = sealDay(till, 1, {}, tamper);
  const second = sealDay(till, 2, first, {});
  till.seal('closing', 'month-2026-11', monthlyClosing({ month: '2026-11', currency: 'EUR', dailies: [first.day, second.day] }));
  return verifyArchive(await writeTestArchive([till], testKey(1)));
}

describe('closings in an archive', () => {
  it('verifies an archive whose Z, daily and monthly closings add up to its records', async () => {
    const report = await closingArchive();
    expect(report.problems).toEqual([]);
    expect(report.lines).toContain('closings: 5 closings checked against their records');
    expect(report.ok).toBe(true);
  });

  it('names a daily closing sealed (and signed) with one VAT total wrong, and no other', async () => {
    const report = await closingArchive({
      day: (d) => ({
        ...d,
        byVat: d.byVat.map((v, i) => (i === 0 ? { ...v, vat: { ...v.vat, sales: v.vat.sales + 1, net: v.vat.net + 1 } } : v)),
      }),
    });
    expect(report.ok).toBe(false);
    expect(report.firstBad).toMatchObject({ file: 'records/T01/closing.jsonl', chain: 'closing', seq: 2, code: 'closing' });
    expect(report.firstBad!.problem).toMatch(
      /^daily closing of 2026-11-21: byVat\.\d+\.vat\.net \d+ where its records give \d+; byVat\.\d+\.vat\.sales/,
    );
    // The month sums the days as sealed: it adds up; the next day's grand totals follow the sealed ones.
    expect(report.problems.map((p) => p.seq)).toEqual([2]);
  });

  it('names a Z whose cash figure was changed before it was sealed', async () => {
    const report = await closingArchive({
      z: (z) => ({ ...z, figures: { ...z.figures, cash: { ...z.figures.cash, expected: z.figures.cash.expected - 100 } } }),
    });
    expect(report.firstBad).toMatchObject({ file: 'records/T01/closing.jsonl', seq: 1, code: 'closing' });
    expect(report.firstBad!.problem).toMatch(/^Z 1 of session cs-1: figures.cash.expected/);
  });
});
