import { addDays, businessDate, businessDayBounds, isSaleV1, type BusinessDaySettings, type SaleDoc } from '@pos/core';
import type { DocumentsDb } from '../../db/documents-db';

/** "42", "000042", "T01-000042" (a version 0 receipt) or "S001-T01-000042" → 42. */
export function parseReceiptNumber(text: string): number | null {
  const match = /(?:^|-)0*(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/**
 * The sales of the store's current business day and the one before (a sale after midnight and before
 * the day start belongs to the day before: its night staff still look for it), newest first. The
 * store's days, not the machine's: a till set to UTC lists what its receipts and closings say.
 */
export async function recentSales(db: DocumentsDb, settings: BusinessDaySettings, now = new Date(), limit = 200): Promise<SaleDoc[]> {
  const [since] = businessDayBounds(addDays(businessDate(now.toISOString(), settings), -1), settings);
  const docs = await db.sales.find({ selector: { completedAt: { $gte: since } }, sort: [{ completedAt: 'desc' }], limit }).exec();
  return docs.map((d) => d.toJSON() as SaleDoc);
}

/** A sale's business date: as sealed (version 1), else the store's day of its completion. */
function businessDateOf(sale: SaleDoc, settings: BusinessDaySettings): string {
  const payload = sale.record.payload;
  return isSaleV1(payload) ? payload.businessDate : businessDate(sale.completedAt, settings);
}

export type SalesOfDay = { readonly businessDate: string; readonly sales: readonly SaleDoc[] };

/** Sales (newest first) grouped by the store's business date, the newest day first, each day's sales in the order given. */
export function byBusinessDate(sales: readonly SaleDoc[], settings: BusinessDaySettings): SalesOfDay[] {
  const days = new Map<string, SaleDoc[]>();
  for (const sale of sales) {
    const date = businessDateOf(sale, settings);
    const day = days.get(date) ?? [];
    day.push(sale);
    days.set(date, day);
  }
  return [...days].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([date, list]) => ({ businessDate: date, sales: list }));
}

export async function saleByReceiptNumber(db: DocumentsDb, seq: number): Promise<SaleDoc | null> {
  const doc = await db.sales.findOne({ selector: { seq } }).exec();
  return doc ? (doc.toJSON() as SaleDoc) : null;
}
