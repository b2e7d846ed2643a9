import {
  dailyClosing,
  expectedByTender,
  reportTotals,
  zFigures,
  type CashMovementPayload,
  type CashSessionClosePayload,
  type CashSessionOpenPayload,
  type ClosingSale,
  type EventPayload,
  type SalePayloadV1,
  type SealedRecord,
} from '@pos/core';
import { zClosing } from '@pos/core/closing/z-closing';
import { saleWithLines, type TestChains } from './sealed-records';

export const BUSINESS_DATE = '2026-11-22';

/** A sale of the session, one piece of prd-1 per line id given (1.00 € each), completed on the test business day. */
export function sessionSale(chains: TestChains, saleId: string, sessionId: string, pieces = 1): SealedRecord<'sale'> {
  const lines = Array.from({ length: pieces }, (_, i) => ({ lineId: `l${i + 1}`, productId: `prd-${i + 1}`, quantity: 1 }));
  return chains.seal('sale', saleId, { ...(saleWithLines(chains, saleId, lines) as SalePayloadV1), sessionId });
}

/**
 * A till's cash session as its host seals it: the opening with a 100.00 € float, sales of the
 * session, a pay-out, a void, the close after a count equal to what the records expect, then the
 * Z (core's zFigures and zClosing) and the day's closing (dailyClosing). Nothing is pushed.
 */
export function cashDay(chains: TestChains, sessionId = 'cs-1', sales = 2) {
  const open: CashSessionOpenPayload = {
    type: 'cash.session.open',
    sessionId,
    tillId: chains.tillId,
    staffId: 'staff-camille',
    openedAt: '2026-11-22T08:00:00.000Z',
    businessDate: BUSINESS_DATE,
    currency: 'EUR',
    float: { count: { '5000': 2 }, total: 10_000 },
  };
  const records: SealedRecord[] = [chains.start(), chains.event(`open-${sessionId}`, open)];
  const saleRecords = Array.from({ length: sales }, (_, i) => sessionSale(chains, `${sessionId}-sale-${i + 1}`, sessionId, i + 1));
  records.push(...saleRecords);
  const movement: CashMovementPayload = {
    type: 'cash.movement',
    sessionId,
    movementId: `${sessionId}-m1`,
    kind: 'pay-out',
    amount: 150,
    reason: 'Timbres',
    staffId: 'staff-camille',
  };
  const voided: EventPayload = {
    type: 'sale.void',
    saleId: `${sessionId}-voided`,
    staffId: 'staff-camille',
    lineCount: 1,
    total: 250,
    currency: 'EUR',
    lines: [{ sku: 'PRD-1', quantity: 1, amount: 250 }],
  };
  records.push(chains.event(`${sessionId}-m1`, movement), chains.event(`${sessionId}-void`, voided));
  const payloads = saleRecords.map((r) => r.payload as ClosingSale);
  const expected = expectedByTender(open.float.total, reportTotals(payloads), [movement]);
  const close: CashSessionClosePayload = {
    type: 'cash.session.close',
    sessionId,
    closedAt: new Date(Date.parse(saleRecords.at(-1)!.sealedAt) + 2500).toISOString(),
    staffId: 'staff-camille',
    currency: 'EUR',
    varianceLimit: 500,
    tenders: Object.entries(expected).map(([method, amount]) => ({ method, counted: amount, expected: amount, variance: 0 })),
  };
  records.push(chains.event(`close-${sessionId}`, close));
  const z = chains.seal('closing', `z-${sessionId}`, zClosing(zFigures(open, close, payloads, [voided], [movement]), undefined));
  const day = chains.seal(
    'closing',
    `day-${BUSINESS_DATE}`,
    dailyClosing({
      date: BUSINESS_DATE,
      currency: 'EUR',
      sales: saleRecords.map((r) => ({ seq: r.seq, hash: r.hash, payload: r.payload as ClosingSale })),
    }),
  );
  records.push(z, day);
  return { records, sales: saleRecords, z, day, open, close };
}
