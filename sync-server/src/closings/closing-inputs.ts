import { businessDate, type BusinessDaySettings } from '@pos/core';
import type { ClosingKind } from '@pos/core/sync/head-office-closings';

/** A record of the store's verified feed as the closing projector reads it: where it is, and the few payload fields that find it. */
export type FeedRecord = {
  readonly feed_seq: number;
  readonly till_id: string;
  readonly chain: string;
  readonly epoch: number;
  readonly seq: number;
  readonly doc_id: string;
  /** As stored, read warily: the payload's type, session, business date, completion time; a Z's session business date. */
  readonly type: unknown;
  readonly session_id: unknown;
  readonly business_date: unknown;
  readonly completed_at: unknown;
  readonly period: unknown;
  readonly z_date: unknown;
  readonly sealed_at: unknown;
};

/** A row of closing_inputs: a sale or a cash-session event a closing is recomputed from. */
export type ClosingInput = {
  readonly till_id: string;
  readonly chain: string;
  readonly epoch: number;
  readonly seq: number;
  readonly doc_id: string;
  readonly type: string;
  readonly session_id: string | null;
  readonly business_date: string | null;
};

export type { ClosingKind };

/** The closing record types the hub checks, by the kind it registers them as. */
const KINDS: ReadonlyMap<string, ClosingKind> = new Map([
  ['closing.z', 'z'],
  ['closing.day', 'day'],
  ['closing.month', 'month'],
  ['closing.year', 'year'],
]);

/** A row of closing_checks as first registered (status pending until recomputed). */
export type NewClosingCheck = {
  readonly till_id: string;
  readonly epoch: number;
  readonly seq: number;
  readonly doc_id: string;
  readonly kind: ClosingKind;
  readonly session_id: string | null;
  readonly business_date: string | null;
  readonly sealed_at: string;
};

/** The event types a Z is recomputed from: the session's own records, and the voids sealed while it was open. */
export const SESSION_EVENT_TYPES = ['cash.session.open', 'cash.movement', 'cash.count', 'cash.session.close'] as const;
export const VOID_EVENT = 'sale.void';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The period of each kind of period closing: a business date, a month, a fiscal year. */
const PERIOD: Readonly<Record<ClosingKind, RegExp>> = { z: DATE, day: DATE, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const idOrNull = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null);
const dateOrNull = (value: unknown): string | null => (typeof value === 'string' && DATE.test(value) ? value : null);

/** A version 0 sale has no business date: the one of its completion time with the store's settings, as the till computed it. */
function saleDate(record: FeedRecord, days: BusinessDaySettings): string | null {
  const sealed = dateOrNull(record.business_date);
  if (sealed || typeof record.completed_at !== 'string') return sealed;
  try {
    return businessDate(record.completed_at, days);
  } catch {
    return null;
  }
}

/** The input row of a verified record, or null when no closing is recomputed from it. */
export function inputOf(record: FeedRecord, days: BusinessDaySettings): ClosingInput | null {
  const base = { till_id: record.till_id, chain: record.chain, epoch: record.epoch, seq: record.seq, doc_id: record.doc_id };
  if (record.chain === 'sale') {
    return { ...base, type: 'sale', session_id: idOrNull(record.session_id), business_date: saleDate(record, days) };
  }
  if (record.chain !== 'event' || typeof record.type !== 'string') return null;
  if ((SESSION_EVENT_TYPES as readonly string[]).includes(record.type)) {
    const session = idOrNull(record.session_id);
    return session ? { ...base, type: record.type, session_id: session, business_date: null } : null;
  }
  return record.type === VOID_EVENT ? { ...base, type: record.type, session_id: null, business_date: null } : null;
}

/**
 * The closing_checks row of a verified closing (Z, daily, monthly, yearly), or null for any other
 * record. A period closing's business_date holds its period: '2026-11-22', '2026-11' or '2026'.
 */
export function closingOf(record: FeedRecord): NewClosingCheck | null {
  const kind = record.chain === 'closing' && typeof record.type === 'string' ? KINDS.get(record.type) : undefined;
  if (!kind) return null;
  const sealedAt = typeof record.sealed_at === 'string' && ISO_UTC.test(record.sealed_at) ? record.sealed_at : new Date(0).toISOString();
  const base = { till_id: record.till_id, epoch: record.epoch, seq: record.seq, doc_id: record.doc_id, sealed_at: sealedAt };
  if (kind === 'z') return { ...base, kind, session_id: idOrNull(record.session_id), business_date: dateOrNull(record.z_date) };
  const period = typeof record.period === 'string' && PERIOD[kind].test(record.period) ? record.period : null;
  return { ...base, kind, session_id: null, business_date: period };
}
