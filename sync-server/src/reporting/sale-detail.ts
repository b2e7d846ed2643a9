import { buildReceipt, saleReceiptNumber, type SealedRecord } from '@pos/core';
import type { LinkedSale, SaleDetail, SaleDetailLine, SaleDetailTender, SaleDetailVat, SaleFiscal } from '@pos/core/sync/head-office-api';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { cashierNameOf, softwareVersionAt, storeProfile } from '../receipts/digital-receipt-lookup';
import { requireStore } from '../admin/stores';
import { breaksOf } from './sales-search';

/**
 * The columns the hub lays a receipt out on: an 80 mm printer's (Epson TM-T88 class, 42 columns in
 * font A). The hub does not know each till's printer; the words and figures are the same on 48.
 */
export const RECEIPT_COLUMNS = 42;

/** Returns of one sale listed at most (a sale has a few). */
const MAX_RETURNS = 100;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 2000) : []);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v.slice(0, 500) : fallback);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function linesOf(payload: Json): SaleDetailLine[] {
  return list(payload.lines).map((raw) => {
    const l = obj(raw);
    return {
      lineId: str(l.lineId),
      productId: str(l.productId),
      name: str(l.name),
      quantity: num(l.quantity),
      measure: str(l.measure, 'unit'),
      unitPrice: num(l.unitPrice),
      lineDiscount: num(l.lineDiscount),
      net: num(l.net),
      rateBp: num(l.rateBp),
      salespersonId: typeof l.salespersonId === 'string' ? l.salespersonId : null,
    };
  });
}

function tendersOf(payload: Json): SaleDetailTender[] {
  return list(payload.tenders).map((raw) => {
    const t = obj(raw);
    return {
      method: str(t.method),
      amount: num(t.amount),
      status: typeof t.status === 'string' ? t.status : null,
      maskedPan: typeof t.maskedPan === 'string' ? t.maskedPan : null,
    };
  });
}

function vatOf(payload: Json): SaleDetailVat[] {
  return list(payload.vat).map((raw) => {
    const v = obj(raw);
    return { code: str(v.code), rateBp: num(v.rateBp), base: num(v.base), vat: num(v.vat), inclusive: num(v.inclusive) };
  });
}

/** Facts of these sales, for the links between a sale and its returns. */
async function linked(db: Queryable, storeId: string, where: string, value: string): Promise<LinkedSale[]> {
  const rows = await db.query<{ sale_id: string; receipt: string; completed_at: string | Date; total_incl: number | string }>(
    `SELECT sale_id, receipt, completed_at, total_incl FROM report_sales WHERE store_id = $1 AND ${where} = $2
      ORDER BY completed_at, sale_id LIMIT ${MAX_RETURNS}`,
    [storeId, value],
  );
  return rows.map((r) => ({
    saleId: r.sale_id,
    receipt: r.receipt,
    completedAt: new Date(r.completed_at).toISOString(),
    total: Number(r.total_incl),
  }));
}

/**
 * Where the sale stands with the chain verifier: placed and verified on its till's sale chain (each
 * journal probed on the primary key, as the digital receipt does), placed broken or named by a
 * break, or not placed yet (pending).
 */
async function fiscalOf(db: Queryable, storeId: string, record: SealedRecord<'sale'>): Promise<SaleFiscal> {
  const [head] = await db.query<{ epoch: number; seq: number | string }>(
    `SELECT epoch, seq FROM chain_heads WHERE store_id = $1 AND till_id = $2 AND chain = 'sale'`,
    [storeId, record.tillId],
  );
  const epochs = Array.from({ length: head?.epoch ?? 0 }, (_, i) => i + 1);
  const [placed] = await db.query<{ epoch: number; status: string }>(
    `SELECT epoch, status FROM chain_records
      WHERE store_id = $1 AND till_id = $2 AND chain = 'sale' AND epoch = ANY($3::int[]) AND seq = $4 AND collection = 'sales' AND doc_id = $5
      ORDER BY epoch DESC LIMIT 1`,
    [storeId, record.tillId, epochs, record.seq, record.id],
  );
  const breaks = await breaksOf(db, storeId, [{ saleId: record.id, tillId: record.tillId, epoch: placed?.epoch ?? null, seq: record.seq }]);
  const status = breaks.length > 0 || (placed && placed.status !== 'verified') ? 'break' : placed ? 'verified' : 'pending';
  return {
    status,
    journal: placed?.epoch ?? null,
    seq: record.seq,
    verifiedSeq: Number(head?.seq ?? 0),
    breaks: breaks.map((b) => ({ code: b.code, problem: b.problem })),
  };
}

/** The receipt as the till prints it (core's layout, the store's settings and language), or null when the sealed sale cannot be laid out. */
async function receiptOf(db: Queryable, storeId: string, record: SealedRecord<'sale'>): Promise<SaleDetail['receiptText']> {
  try {
    const cashierName = await cashierNameOf(db, storeId, record.payload.staffId);
    const receipt = buildReceipt(record, await storeProfile(db, storeId, record.tillId), {
      width: RECEIPT_COLUMNS,
      softwareVersion: await softwareVersionAt(db, storeId, record.tillId, record.sealedAt),
      ...(cashierName !== undefined ? { cashierName } : {}),
    });
    return { width: receipt.width, lines: receipt.lines };
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * One sale or return of the store as the hub holds it (its stored document, whatever its fiscal
 * status): lines, tenders and VAT as sealed, its receipt as printed, the returns of it the reports
 * hold (and for a return, the sale it gives back), and its fiscal status.
 */
export async function saleDetail(db: Queryable, storeId: string, saleId: string): Promise<SaleDetail> {
  await requireStore(db, storeId);
  const [row] = await db.query<{ record: SealedRecord<'sale'> | null; business_date: string | null }>(
    `SELECT d.doc -> 'record' AS record, f.business_date FROM store_docs d
       LEFT JOIN report_sales f ON f.store_id = d.store_id AND f.sale_id = d.id
      WHERE d.store_id = $1 AND d.collection = 'sales' AND d.id = $2 AND NOT d.deleted`,
    [storeId, saleId],
  );
  const record = row?.record;
  if (!record || record.chain !== 'sale' || record.storeId !== storeId || record.id !== saleId || typeof record.seq !== 'number') {
    throw new HubError(404, 'not_found', `The hub holds no sale ${saleId} in store ${storeId}`);
  }
  const payload = obj(record.payload);
  const kind = payload.v === 1 && payload.kind === 'return' ? 'return' : 'sale';
  const returnOf = obj(payload.returnOf);
  const originalId = kind === 'return' && typeof returnOf.saleId === 'string' ? returnOf.saleId : null;
  const original = originalId ? ((await linked(db, storeId, 'sale_id', originalId))[0] ?? null) : null;
  const cashierName = await cashierNameOf(db, storeId, payload.staffId);
  return {
    saleId,
    tillId: record.tillId,
    kind,
    businessDate: row.business_date ?? (typeof payload.businessDate === 'string' ? payload.businessDate : null),
    completedAt: str(payload.completedAt),
    receipt: saleReceiptNumber(record),
    currency: str(payload.currency, 'EUR'),
    staffId: str(payload.staffId),
    cashierName: cashierName ?? null,
    total: num(payload.total),
    discountTotal: num(payload.discountTotal),
    lines: linesOf(payload),
    tenders: tendersOf(payload),
    vat: vatOf(payload),
    receiptText: await receiptOf(db, storeId, record),
    returns: await linked(db, storeId, 'return_of', saleId),
    original: originalId ? (original ?? { saleId: originalId, receipt: str(returnOf.receipt), completedAt: null, total: null }) : null,
    fiscal: await fiscalOf(db, storeId, record),
  };
}
