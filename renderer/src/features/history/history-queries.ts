import type { SaleDoc } from '@pos/core';
import type { DocumentsDb } from '../../db/documents-db';

/** Start of the local day, as an ISO instant comparable with `completedAt`. */
export function startOfToday(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

/** "42", "000042" or "T01-000042" → 42. */
export function parseReceiptNumber(text: string): number | null {
  const match = /(?:^|-)0*(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

export async function salesOfToday(db: DocumentsDb, limit = 200): Promise<SaleDoc[]> {
  const docs = await db.sales.find({ selector: { completedAt: { $gte: startOfToday() } }, sort: [{ completedAt: 'desc' }], limit }).exec();
  return docs.map((d) => d.toJSON() as SaleDoc);
}

export async function saleByReceiptNumber(db: DocumentsDb, text: string): Promise<SaleDoc | null> {
  const seq = parseReceiptNumber(text);
  if (seq === null) return null;
  const doc = await db.sales.findOne({ selector: { seq } }).exec();
  return doc ? (doc.toJSON() as SaleDoc) : null;
}
