import type { SyncDocument } from '@pos/core';
import { useSyncStore } from '../../state/sync-store';
import type { DocumentsDb } from '../documents-db';

type Counted = 'sales' | 'till_records';

/**
 * "Documents waiting to be sent", for the sync badge: sales and till records are append-only and
 * numbered by the till's gap-free sequences. The mark is the highest sequence below which the hub
 * has accepted everything; sequences accepted above it (RxDB sends batches in its own order, not
 * by sequence) are kept until the gap closes. Waiting = documents above the mark not accepted yet.
 */
export class PushWatermarks {
  private constructor(
    private readonly db: DocumentsDb,
    private readonly marks: Record<Counted, number>,
    private readonly above: Record<Counted, Set<number>>,
  ) {}

  static async open(db: DocumentsDb): Promise<PushWatermarks> {
    const read = async (name: Counted) => Number((await db.settings.findOne(`sync.pushed.${name}`).exec())?.value ?? 0);
    const readAbove = async (name: Counted) =>
      new Set(((await db.settings.findOne(`sync.pushedAbove.${name}`).exec())?.value as number[] | undefined) ?? []);
    const watermarks = new PushWatermarks(
      db,
      { sales: await read('sales'), till_records: await read('till_records') },
      { sales: await readAbove('sales'), till_records: await readAbove('till_records') },
    );
    db.sales.$.subscribe(() => void watermarks.refresh());
    db.till_records.$.subscribe(() => void watermarks.refresh());
    await watermarks.refresh();
    return watermarks;
  }

  async accepted(collection: string, documents: readonly SyncDocument[]): Promise<void> {
    if (collection !== 'sales' && collection !== 'till_records') return;
    const above = this.above[collection];
    const before = { mark: this.marks[collection], above: above.size };
    for (const d of documents) if (typeof d.seq === 'number' && d.seq > this.marks[collection]) above.add(d.seq);
    while (above.delete(this.marks[collection] + 1)) this.marks[collection] += 1;
    if (this.marks[collection] === before.mark && above.size === before.above) return;
    const updatedAt = new Date().toISOString();
    await this.db.settings.bulkUpsert([
      { key: `sync.pushed.${collection}`, value: this.marks[collection], updatedAt },
      { key: `sync.pushedAbove.${collection}`, value: [...above].sort((a, b) => a - b), updatedAt },
    ]);
    await this.refresh();
  }

  /** Quantities per product in sales the hub has not accepted yet: the hub's levels do not count them. */
  async unsyncedQuantities(): Promise<Map<string, number>> {
    const sales = await this.db.sales.find({ selector: { seq: { $gt: this.marks.sales } } }).exec();
    const quantities = new Map<string, number>();
    for (const sale of sales) {
      if (this.above.sales.has(sale.seq)) continue;
      for (const line of sale.record.payload.lines) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
    }
    return quantities;
  }

  async refresh(): Promise<void> {
    const [sales, records] = await Promise.all([
      this.db.sales.count({ selector: { seq: { $gt: this.marks.sales } } }).exec(),
      this.db.till_records.count({ selector: { seq: { $gt: this.marks.till_records } } }).exec(),
    ]);
    useSyncStore.setState({ pending: sales - this.above.sales.size + records - this.above.till_records.size });
  }
}
