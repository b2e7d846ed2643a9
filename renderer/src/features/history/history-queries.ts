import { startOfStoreDay, type SaleDoc } from '@pos/core';
import type { DocumentsDb } from '../../db/documents-db';

/** "42", "000042", "T01-000042" (a version 0 receipt) or "S001-T01-000042" → 42. */
export function parseReceiptNumber(text: string): number | null {
  const match = /(?:^|-)0*(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** The store's day, not the machine's: a till set to UTC must list the same "today" its receipts print. */
export async function salesOfToday(db: DocumentsDb, timeZone: string, now = new Date(), limit = 200): Promise<SaleDoc[]> {
  const since = startOfStoreDay(now, timeZone);
  const docs = await db.sales.find({ selector: { completedAt: { $gte: since } }, sort: [{ completedAt: 'desc' }], limit }).exec();
  return docs.map((d) => d.toJSON() as SaleDoc);
}

export async function saleByReceiptNumber(db: DocumentsDb, seq: number): Promise<SaleDoc | null> {
  const doc = await db.sales.findOne({ selector: { seq } }).exec();
  return doc ? (doc.toJSON() as SaleDoc) : null;
}
