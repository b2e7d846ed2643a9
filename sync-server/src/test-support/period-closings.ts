import {
  dailyClosing,
  monthlyClosing,
  yearlyClosing,
  type ClosingSale,
  type PeriodClosingPayload,
  type SalePayloadV1,
  type SealedRecord,
} from '@pos/core';
import { saleWithLines, type TestChains } from './sealed-records';

/** A till's business days as its host closes them: each day's sales (1.00 € a piece), then its daily closing following the one before. */
export function closedDays(chains: TestChains, dates: readonly string[], previous?: PeriodClosingPayload) {
  const sales: SealedRecord<'sale'>[] = [];
  const days: SealedRecord<'closing'>[] = [];
  let last = previous;
  dates.forEach((date, i) => {
    const pieces = (i % 3) + 1;
    const lines = Array.from({ length: pieces }, (_, l) => ({ lineId: `l${l + 1}`, productId: `prd-${l + 1}`, quantity: 1 }));
    const sale = chains.seal(
      'sale',
      `sale-${date}`,
      saleWithLines(chains, `sale-${date}`, lines, `${date}T11:00:00.000Z`) as SalePayloadV1,
    );
    sales.push(sale);
    const payload = dailyClosing({
      date,
      currency: 'EUR',
      sales: [{ seq: sale.seq, hash: sale.hash, payload: sale.payload as ClosingSale }],
      ...(last ? { previous: last } : {}),
    });
    days.push(chains.seal('closing', `day-${date}`, payload));
    last = payload;
  });
  return { sales, days };
}

export const payloadOf = (record: SealedRecord<'closing'>) => record.payload as PeriodClosingPayload;

/** The monthly closing of these daily closings, sealed (core's monthlyClosing, as the host seals it). */
export function sealedMonth(
  chains: TestChains,
  month: string,
  days: readonly SealedRecord<'closing'>[],
  previous?: SealedRecord<'closing'>,
) {
  const payload = monthlyClosing({
    month,
    currency: 'EUR',
    dailies: days.map(payloadOf),
    ...(previous ? { previous: payloadOf(previous) } : {}),
  });
  return chains.seal('closing', `month-${month}`, payload);
}

/** The yearly closing of these monthly closings (a fiscal year starting in January), sealed. */
export function sealedYear(chains: TestChains, fiscalYear: string, months: readonly SealedRecord<'closing'>[]) {
  return chains.seal('closing', `year-${fiscalYear}`, yearlyClosing({ fiscalYear, currency: 'EUR', monthlies: months.map(payloadOf) }));
}
