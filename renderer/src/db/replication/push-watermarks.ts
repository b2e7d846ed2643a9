import type { SyncDocument } from '@pos/core';
import { useSyncStore } from '../../state/sync-store';
import type { DocumentsDb } from '../documents-db';

type Counted = 'sales' | 'till_records';

/**
 * "Documents waiting to be sent", for the sync badge: sales and till records are append-only and
 * numbered by the till's gap-free sequences, so the highest sequence the hub accepted tells what
 * is still waiting. (A document restored from the journal after newer ones were sent is counted
 * once the newer ones are: a small under-count, never a lost document — RxDB's own replication
 * state, not this figure, decides what to push.)
 */
export class PushWatermarks {
  private constructor(
    private readonly db: DocumentsDb,
    private readonly marks: Record<Counted, number>,
  ) {}

  static async open(db: DocumentsDb): Promise<PushWatermarks> {
    const read = async (name: Counted) => Number((await db.settings.findOne(`sync.pushed.${name}`).exec())?.value ?? 0);
    const watermarks = new PushWatermarks(db, { sales: await read('sales'), till_records: await read('till_records') });
    db.sales.$.subscribe(() => void watermarks.refresh());
    db.till_records.$.subscribe(() => void watermarks.refresh());
    await watermarks.refresh();
    return watermarks;
  }

  async accepted(collection: string, documents: readonly SyncDocument[]): Promise<void> {
    if (collection !== 'sales' && collection !== 'till_records') return;
    const highest = documents.reduce((max, d) => Math.max(max, typeof d.seq === 'number' ? d.seq : 0), 0);
    if (highest <= this.marks[collection]) return;
    this.marks[collection] = highest;
    await this.db.settings.upsert({ key: `sync.pushed.${collection}`, value: highest, updatedAt: new Date().toISOString() });
    await this.refresh();
  }

  /** Quantities per product in sales the hub has not accepted yet: the hub's levels do not count them. */
  async unsyncedQuantities(): Promise<Map<string, number>> {
    const sales = await this.db.sales.find({ selector: { seq: { $gt: this.marks.sales } } }).exec();
    const quantities = new Map<string, number>();
    for (const sale of sales) {
      for (const line of sale.record.payload.lines) quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
    }
    return quantities;
  }

  async refresh(): Promise<void> {
    const [sales, records] = await Promise.all([
      this.db.sales.count({ selector: { seq: { $gt: this.marks.sales } } }).exec(),
      this.db.till_records.count({ selector: { seq: { $gt: this.marks.till_records } } }).exec(),
    ]);
    useSyncStore.setState({ pending: sales + records });
  }
}
