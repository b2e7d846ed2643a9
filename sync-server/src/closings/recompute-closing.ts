import {
  dailyClosing,
  zFigures,
  type CashMovementPayload,
  type CashSessionClosePayload,
  type CashSessionOpenPayload,
  type ClosingSale,
  type ClosingSaleRecord,
  type EventPayload,
  type PeriodClosingPayload,
  type SealedRecord,
} from '@pos/core';
import { zClosing, type ZClosingPayload } from '@pos/core/closing/z-closing';
import type { Queryable } from '../db/database';
import { saleChainState, type MissingRecords } from './chain-holes';
import { message, outcome, unreadable, type ClosingOutcome, type ClosingRef } from './closing-outcome';
import { recomputePeriod } from './recompute-period';
import { previousClosing, sealedClosing } from './sealed-closings';

export type { ClosingOutcome, ClosingRef, ClosingStatus } from './closing-outcome';

/** The Z's own list of tender differences is what the till saw at its close; the recomputation shows the figures themselves. */
const Z_IGNORED = ['figures.differences'];

type InputRecord = { readonly chain: string; readonly seq: number; readonly type: string; readonly hash: string; readonly record: unknown };

/** The verified records of a till's journal that closing_inputs lists for a session (or a business date), with their sealed records. */
async function inputRecords(
  tx: Queryable,
  storeId: string,
  ref: ClosingRef,
  where: 'session' | 'date' | 'voids',
  value: string | readonly [number, number],
): Promise<InputRecord[]> {
  const condition =
    where === 'session'
      ? 'i.session_id = $4'
      : where === 'date'
        ? "i.business_date = $4 AND i.chain = 'sale'"
        : "i.chain = 'event' AND i.type = 'sale.void' AND i.seq BETWEEN ($4::jsonb ->> 0)::int8 AND ($4::jsonb ->> 1)::int8";
  const rows = await tx.query<{ chain: string; seq: number; type: string; hash: string; record: unknown }>(
    `SELECT i.chain, i.seq, i.type, r.hash, d.doc -> 'record' AS record
       FROM closing_inputs i
       JOIN chain_records r ON r.store_id = i.store_id AND r.till_id = i.till_id AND r.chain = i.chain AND r.epoch = i.epoch AND r.seq = i.seq
       JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id
      WHERE i.store_id = $1 AND i.till_id = $2 AND i.epoch = $3 AND ${condition}
      ORDER BY i.chain, i.seq`,
    [storeId, ref.till_id, ref.epoch, typeof value === 'string' ? value : JSON.stringify(value)],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * A Z from the records of its session: the opening, movements and close (event chain), the voids
 * sealed between the opening and the close, the sales carrying its session id (whenever they were
 * sealed: a sale synced after the close keeps its session), and the till's previous Z for the
 * grand totals — with core's zFigures and zClosing, as the till computed it.
 */
async function recomputeZ(tx: Queryable, storeId: string, ref: ClosingRef, record: SealedRecord<'closing'>): Promise<ClosingOutcome> {
  const sealed = record.payload as ZClosingPayload;
  if (sealed.type !== 'closing.z') return unreadable('not a Z report');
  const records = await inputRecords(tx, storeId, ref, 'session', sealed.sessionId);
  const events = records.filter((r) => r.chain === 'event');
  const payloadOf = <P>(r: InputRecord | undefined) => (r?.record as { payload?: P } | undefined)?.payload;
  const openRecord = events.find((r) => r.type === 'cash.session.open');
  const closeRecord = events.find((r) => r.type === 'cash.session.close');
  const missing: MissingRecords[] = [];
  if (!openRecord || !closeRecord) {
    missing.push({ chain: 'event', from: 0, to: null, why: `the opening or the close of session ${sealed.sessionId}` });
    return { status: 'pending', recomputed: null, differences: [], missing, problem: null };
  }
  const [between] = await tx.query<{ n: number }>(
    `SELECT count(*)::int8 AS n FROM chain_records WHERE store_id = $1 AND till_id = $2 AND chain = 'event' AND epoch = $3 AND seq BETWEEN $4 AND $5`,
    [storeId, ref.till_id, ref.epoch, openRecord.seq, closeRecord.seq],
  );
  if (Number(between?.n ?? 0) < closeRecord.seq - openRecord.seq + 1) {
    missing.push({ chain: 'event', from: openRecord.seq, to: closeRecord.seq, why: 'events sealed while the session was open' });
  }
  const voids = await inputRecords(tx, storeId, ref, 'voids', [openRecord.seq, closeRecord.seq]);
  const previous = await previousClosing(tx, storeId, ref);
  const previousZ = previous.payload as ZClosingPayload | null;
  if (sealed.zNumber > 1 && previousZ?.zNumber !== sealed.zNumber - 1) {
    missing.push({ chain: 'closing', from: 1, to: ref.seq - 1, why: `Z ${sealed.zNumber - 1}, whose grand totals this Z continues` });
  }
  const close = payloadOf<CashSessionClosePayload>(closeRecord)!;
  const chain = await saleChainState(tx, storeId, ref.till_id, ref.epoch);
  for (const hole of chain.holes) {
    if (hole.sealedBefore === null || hole.sealedBefore <= close.closedAt) {
      missing.push({ chain: 'sale', from: hole.from, to: hole.to, why: 'sales that may have been sealed before the close' });
    }
  }
  if (chain.highestSealedAt === null || chain.highestSealedAt < close.closedAt) {
    missing.push({ chain: 'sale', from: chain.highest + 1, to: null, why: 'sales sealed before the close may still be on their way' });
  }
  try {
    const figures = zFigures(
      payloadOf<CashSessionOpenPayload>(openRecord)!,
      close,
      records.filter((r) => r.chain === 'sale').map((r) => payloadOf<ClosingSale>(r)!),
      voids.map((r) => payloadOf<EventPayload>(r)!),
      events.filter((r) => r.type === 'cash.movement').map((r) => payloadOf<CashMovementPayload>(r)!),
    );
    const recomputed = zClosing(figures, previousZ && previousZ.zNumber === sealed.zNumber - 1 ? previousZ : undefined);
    return outcome(sealed, recomputed, missing, Z_IGNORED);
  } catch (error) {
    return unreadable(`the session's records cannot be summed: ${message(error)}`);
  }
}

/**
 * A daily closing from the sales of its business date (their own date, whenever they were
 * synced) and the till's previous daily closing, with core's dailyClosing as the till computed it.
 * Pending while a sale up to the one it names last, or a closing before it, is missing.
 */
async function recomputeDay(tx: Queryable, storeId: string, ref: ClosingRef, record: SealedRecord<'closing'>): Promise<ClosingOutcome> {
  const sealed = record.payload as PeriodClosingPayload;
  if (sealed.type !== 'closing.day') return unreadable('not a daily closing');
  const missing: MissingRecords[] = [];
  const previous = await previousClosing(tx, storeId, ref);
  if (!previous.complete) missing.push({ chain: 'closing', from: 1, to: ref.seq - 1, why: 'closings before this one' });
  const last = sealed.lastSaleSeq ?? 0;
  const chain = await saleChainState(tx, storeId, ref.till_id, ref.epoch);
  for (const hole of chain.holes)
    if (hole.from <= last)
      missing.push({ chain: 'sale', from: hole.from, to: Math.min(hole.to, last), why: 'sales up to the last one closed' });
  if (chain.highest < last) missing.push({ chain: 'sale', from: chain.highest + 1, to: last, why: 'sales up to the last one closed' });
  const sales = await inputRecords(tx, storeId, ref, 'date', sealed.period);
  try {
    const prev = previous.payload as PeriodClosingPayload | null;
    const recomputed = dailyClosing({
      date: sealed.period,
      currency: sealed.currency,
      sales: sales.map((r): ClosingSaleRecord => ({ seq: r.seq, hash: r.hash, payload: (r.record as { payload: ClosingSale }).payload })),
      ...(prev ? { previous: prev } : {}),
    });
    return outcome(sealed, recomputed, missing);
  } catch (error) {
    return unreadable(`the day's sales cannot be summed: ${message(error)}`);
  }
}

/** Recomputes one closing from the records the hub holds. Never throws on what the records hold: that is `unreadable`. */
export async function recomputeClosing(tx: Queryable, storeId: string, ref: ClosingRef): Promise<ClosingOutcome> {
  const record = await sealedClosing(tx, storeId, ref.doc_id);
  if (typeof record === 'string') return unreadable(record);
  try {
    if (ref.kind === 'z') return await recomputeZ(tx, storeId, ref, record);
    return ref.kind === 'day' ? await recomputeDay(tx, storeId, ref, record) : await recomputePeriod(tx, storeId, ref, record);
  } catch (error) {
    // A database error aborts the transaction: the projector's step handles it (retried, or the record skipped).
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
    return unreadable(`the closing cannot be recomputed: ${message(error)}`);
  }
}
