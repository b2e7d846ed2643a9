import {
  demoStoreProfile,
  fiscalYearMonths,
  monthlySum,
  yearlySum,
  type LevelSum,
  type PeriodClosingPayload,
  type SealedRecord,
} from '@pos/core';
import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import type { Queryable } from '../db/database';
import type { MissingRecords } from './chain-holes';
import { message, outcome, unreadable, type ClosingOutcome, type ClosingRef } from './closing-outcome';
import { closingRecordOf, previousClosing } from './sealed-closings';

/** Closings of the level below read for one period at most (a month has 31 days, a year 12 months: more is a till gone wrong). */
const MAX_PARTS = 64;

const LEVEL = {
  month: { type: 'closing.month', below: 'day', name: 'monthly', partName: 'daily' },
  year: { type: 'closing.year', below: 'month', name: 'yearly', partName: 'monthly' },
} as const;

/** The month the store's fiscal year starts (store settings; the demo store's, else January, when it sets none). */
async function fiscalYearStartMonth(tx: Queryable, storeId: string): Promise<number> {
  const [row] = await tx.query<{ start: unknown }>(
    `SELECT doc -> 'fiscalYearStartMonth' AS start FROM store_docs
      WHERE store_id = $1 AND collection = 'store_settings' AND id = $2 AND NOT deleted`,
    [storeId, STORE_SETTINGS_DOC_ID],
  );
  const start = row?.start;
  return typeof start === 'number' && Number.isInteger(start) && start >= 1 && start <= 12
    ? start
    : (demoStoreProfile().fiscalYearStartMonth ?? 1);
}

/** The verified closings of the level below whose period is one of `periods`, in period order: their payloads, or what makes one unreadable. */
async function partsOf(
  tx: Queryable,
  storeId: string,
  ref: ClosingRef,
  periods: readonly string[],
): Promise<PeriodClosingPayload[] | string> {
  const below = LEVEL[ref.kind as 'month' | 'year'];
  const rows = await tx.query<{ business_date: string; record: unknown }>(
    `SELECT c.business_date, d.doc -> 'record' AS record
       FROM closing_checks c JOIN store_docs d ON d.store_id = c.store_id AND d.collection = 'till_records' AND d.id = c.doc_id
      WHERE c.store_id = $1 AND c.till_id = $2 AND c.epoch = $3 AND c.kind = $4
        AND c.business_date IN (SELECT jsonb_array_elements_text($5::jsonb))
      ORDER BY c.business_date, c.seq LIMIT ${MAX_PARTS}`,
    [storeId, ref.till_id, ref.epoch, below.below, JSON.stringify(periods)],
  );
  const parts: PeriodClosingPayload[] = [];
  for (const row of rows) {
    const record = closingRecordOf(row.record);
    if (typeof record === 'string') return `the ${below.partName} closing of ${row.business_date}: ${record}`;
    parts.push(record.payload as PeriodClosingPayload);
  }
  return parts;
}

/** Every business date of a month ('2026-11' → '2026-11-01' … '2026-11-31': dates no calendar has simply match no closing). */
const daysOf = (month: string) => Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);

/**
 * A monthly closing from the daily closings of its month the hub holds (a yearly one from the
 * monthly closings of its fiscal year), with the previous closing of its level for the grand
 * totals: core's monthlySum and yearlySum, as the till computed it. Besides every figure, the
 * grand totals must land where the last closing summed left them (`levelBelow.*`). Pending while
 * a closing it names, or a closing before it on the chain, has not arrived.
 */
export async function recomputePeriod(
  tx: Queryable,
  storeId: string,
  ref: ClosingRef,
  record: SealedRecord<'closing'>,
): Promise<ClosingOutcome> {
  if (ref.kind !== 'month' && ref.kind !== 'year') return unreadable(`not a period closing: ${ref.kind}`);
  const level = LEVEL[ref.kind];
  const sealed = record.payload as PeriodClosingPayload;
  if (sealed.type !== level.type) return unreadable(`not a ${level.name} closing`);
  const start = ref.kind === 'year' ? await fiscalYearStartMonth(tx, storeId) : 1;
  let periods: readonly string[];
  try {
    periods = ref.kind === 'month' ? daysOf(sealed.period) : fiscalYearMonths(sealed.period, start);
  } catch (error) {
    return unreadable(`the period cannot be read: ${message(error)}`);
  }
  const parts = await partsOf(tx, storeId, ref, periods);
  if (typeof parts === 'string') return unreadable(parts);
  const missing: MissingRecords[] = [];
  const held = new Set(parts.map((p) => p.period));
  const absent = (sealed.closings ?? []).filter((p) => !held.has(p));
  if (absent.length > 0) {
    const named = absent.slice(0, 12).join(', ') + (absent.length > 12 ? ` (and ${absent.length - 12} more)` : '');
    missing.push({ chain: 'closing', from: 1, to: ref.seq - 1, why: `the ${level.partName} closings it sums: ${named}` });
  }
  const previous = await previousClosing(tx, storeId, ref);
  if (!previous.complete && absent.length === 0)
    missing.push({ chain: 'closing', from: 1, to: ref.seq - 1, why: 'closings before this one' });
  let sum: LevelSum;
  try {
    const prev = previous.payload as PeriodClosingPayload | null;
    const common = { currency: sealed.currency, ...(prev ? { previous: prev } : {}) };
    sum =
      ref.kind === 'month'
        ? monthlySum({ month: sealed.period, dailies: parts, ...common })
        : yearlySum({ fiscalYear: sealed.period, fiscalYearStartMonth: start, monthlies: parts, ...common });
  } catch (error) {
    return unreadable(`the ${level.partName} closings cannot be summed: ${message(error)}`);
  }
  // The sealed grand totals against those of the last closing summed: the two levels count the same sales.
  const grand = (p: PeriodClosingPayload) => ({
    perpetualGrandTotal: p.perpetualGrandTotal,
    perpetualGrandTotalAbsolute: p.perpetualGrandTotalAbsolute,
  });
  const found = outcome(
    { ...sealed, ...(sum.last ? { levelBelow: grand(sealed) } : {}) },
    { ...sum.closing, ...(sum.last ? { levelBelow: grand(sum.last) } : {}) },
    missing,
  );
  return { ...found, recomputed: sum.closing };
}
