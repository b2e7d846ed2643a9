import { businessDate, receiptNumber, tenderCounts, vatFromInclusive, wallClockAt, type BusinessDaySettings, type Tender } from '@pos/core';
import { voucherFactKey } from './voucher-figures';

/** A sale as reporting keeps it: one row of `report_sales`. Amounts in minor units, negative for a return. */
export type SaleFact = {
  readonly sale_id: string;
  readonly till_id: string;
  readonly business_date: string;
  /** The store's wall-clock hour (0–23) the sale completed at. */
  readonly local_hour: number;
  /** ISO weekday (1 Monday … 7 Sunday) of the business date, so a sale past midnight counts with its day. */
  readonly weekday: number;
  readonly channel: string;
  readonly kind: 'sale' | 'return';
  readonly staff_id: string;
  readonly total_incl: number;
  readonly total_excl: number;
  readonly discount: number;
  /** Pieces (a weighed line counts one), negative for a return. */
  readonly items: number;
  /** Amount per tender method (counted tenders only: cash, approved cards), negative for a return. */
  readonly tenders: Readonly<Record<string, number>>;
  /** The sale's VAT rows per rate: inclusive, base and VAT, negative for a return. */
  readonly vat: readonly { readonly rate_bp: number; readonly incl: number; readonly excl: number }[];
  /** The sealed completedAt (ISO). */
  readonly completed_at: string;
  /** Its place on the till's sale chain: journal and sequence. */
  readonly epoch: number;
  readonly seq: number;
  /** The receipt code as printed: with its store from version 1 on (core's saleReceiptNumber). */
  readonly receipt: string;
  /** A return's original sale; null otherwise. */
  readonly return_of: string | null;
  /** The chain customer the sale was for (its sealed customerId); null: none. */
  readonly customer_id: string | null;
};

/** Where a sale's record sits on its till's sale chain (chain_records.epoch, seq). */
export type ChainPlace = { readonly epoch: number; readonly seq: number };

/** A sale line as reporting keeps it: one row of `report_lines`. */
export type LineFact = {
  readonly sale_id: string;
  readonly line_id: string;
  readonly product_id: string;
  readonly quantity: number;
  readonly items: number;
  readonly net_incl: number;
  /** The line's own share without VAT (rounded on the line: lines of a rate may differ by a cent from the VAT row). */
  readonly net_excl: number;
  readonly rate_bp: number;
  readonly discount: number;
  /** Who gets the credit: the line's salesperson, else the cashier. */
  readonly salesperson_id: string;
};

export type SaleFacts = { readonly sale: SaleFact; readonly lines: readonly LineFact[] };

/** Lines kept per sale: a sealed sale never has more (the till caps its cart far below). */
const MAX_LINES = 2000;

function fail(message: string): never {
  throw new TypeError(`Sale not readable for reports: ${message}`);
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) fail(`${what} is not a string`);
  return value;
}

function amount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || Math.abs(value) > 1e12) fail(`${what} is not an amount`);
  return value;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value) || value.length > MAX_LINES) fail(`${what} is not a list`);
  return value;
}

/**
 * What a verified sale (version 0 or 1) adds to the reports, or null for a training sale (never
 * counted). A return's figures are sealed positive; here they turn negative, so sums are net.
 * Version 0 sales have no business date: it is computed from `completedAt` with the store's
 * zone and day start, as the till computes version 1's. Throws a TypeError (a record fault: the
 * projector reports the sale and skips it) on what it cannot read.
 */
export function saleFacts(
  saleId: string,
  tillId: string,
  payload: unknown,
  days: BusinessDaySettings,
  place: ChainPlace,
): SaleFacts | null {
  const p = record(payload, 'payload');
  if (p.training === true) return null;
  const kind = p.v === 1 ? p.kind : 'sale';
  if (kind !== 'sale' && kind !== 'return') fail('kind is neither sale nor return');
  const sign = kind === 'return' ? -1 : 1;
  const completedAt = text(p.completedAt, 'completedAt');
  const instant = Date.parse(completedAt);
  if (Number.isNaN(instant)) fail('completedAt is not an instant');
  const date = p.v === 1 ? text(p.businessDate, 'businessDate') : businessDate(completedAt, days);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('businessDate is not a date');
  const staffId = text(p.staffId, 'staffId');

  const lines = list(p.lines, 'lines').map((raw, i): LineFact => {
    const l = record(raw, `line ${i}`);
    const rateBp = amount(l.rateBp, `line ${i} rateBp`);
    const net = amount(l.net, `line ${i} net`);
    const quantity = amount(l.quantity, `line ${i} quantity`);
    return {
      sale_id: saleId,
      line_id: text(l.lineId, `line ${i} lineId`),
      product_id: text(l.productId, `line ${i} productId`),
      quantity: sign * quantity,
      items: sign * (l.measure === 'weight' ? 1 : quantity),
      net_incl: sign * net,
      net_excl: sign * vatFromInclusive(net, rateBp).base,
      rate_bp: rateBp,
      // Every discount of the line (its own, its share of the ticket's, promotions'): what its gross lost.
      discount: sign * (amount(l.gross ?? net, `line ${i} gross`) - net),
      salesperson_id: typeof l.salespersonId === 'string' && l.salespersonId.length > 0 ? l.salespersonId.slice(0, 200) : staffId,
    };
  });
  const tenders: Record<string, number> = {};
  for (const [i, raw] of list(p.tenders, 'tenders').entries()) {
    const t = record(raw, `tender ${i}`) as unknown as Tender;
    const method = text(t.method, `tender ${i} method`);
    if (!tenderCounts(t)) continue;
    tenders[method] = (tenders[method] ?? 0) + sign * amount(t.amount, `tender ${i} amount`);
  }
  // Gift cards sold or reloaded, store credit given: beside the tenders under voucher keys, never in the totals.
  for (const [i, raw] of list(p.vouchers ?? [], 'vouchers').entries()) {
    const key = voucherFactKey(text(record(raw, `voucher ${i}`).cardKind, `voucher ${i} cardKind`));
    tenders[key] = (tenders[key] ?? 0) + sign * amount(record(raw, `voucher ${i}`).amount, `voucher ${i} amount`);
  }
  const vat = list(p.vat, 'vat').map((raw, i) => {
    const row = record(raw, `vat row ${i}`);
    return {
      rate_bp: amount(row.rateBp, `vat row ${i} rateBp`),
      incl: sign * amount(row.inclusive, `vat row ${i} inclusive`),
      excl: sign * amount(row.base, `vat row ${i} base`),
    };
  });
  const wall = wallClockAt(instant, days.timeZone);
  const returnOf =
    kind === 'return' && typeof p.returnOf === 'object' && p.returnOf !== null ? (p.returnOf as { saleId?: unknown }).saleId : null;
  return {
    sale: {
      sale_id: saleId,
      till_id: tillId,
      business_date: date,
      local_hour: wall.hour,
      weekday: ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1,
      channel: typeof p.channel === 'string' ? p.channel.slice(0, 50) : 'store',
      kind,
      staff_id: staffId,
      total_incl: sign * amount(p.total, 'total'),
      total_excl: vat.reduce((acc, r) => acc + r.excl, 0),
      discount: sign * amount(p.discountTotal ?? 0, 'discountTotal'),
      items: lines.reduce((acc, l) => acc + l.items, 0),
      tenders,
      vat,
      completed_at: new Date(instant).toISOString(),
      epoch: place.epoch,
      seq: place.seq,
      receipt: receiptNumber(tillId, place.seq, p.v === 1 ? text(p.storeId, 'storeId') : undefined),
      return_of: typeof returnOf === 'string' && returnOf.length > 0 ? returnOf.slice(0, 200) : null,
      customer_id: typeof p.customerId === 'string' && p.customerId.length > 0 ? p.customerId.slice(0, 64) : null,
    },
    lines,
  };
}
