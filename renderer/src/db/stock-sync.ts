import type { HostBridge } from '../bridge';
import type { CatalogDb, StockLevel } from './catalog-db';

const CHECKPOINT_KEY = 'stock-checkpoint';
const PAGE = 500;

/**
 * Pulls the hub's stock levels of this store into the catalog database, from a saved checkpoint,
 * page by page (each page and its checkpoint in one transaction). Levels are the hub's: derived
 * from its stock ledger, never computed by the till.
 */
export async function pullStockLevels(db: CatalogDb, bridge: Pick<HostBridge, 'invoke'>): Promise<number> {
  let seq = Number((await db.meta.get(CHECKPOINT_KEY))?.value ?? 0);
  let received = 0;
  for (;;) {
    const page = await bridge.invoke('sync.pull', { collection: 'stock_levels', checkpoint: { seq }, limit: PAGE });
    const levels: StockLevel[] = [];
    const removed: string[] = [];
    for (const doc of page.documents) {
      if (doc._deleted) removed.push(doc.id);
      else levels.push({ productId: doc.id, level: Number(doc.level ?? 0), updatedAt: String(doc.updatedAt ?? '') });
    }
    const next = page.checkpoint?.seq ?? seq;
    await db.transaction('rw', db.stock, db.meta, async () => {
      await db.stock.bulkPut(levels);
      if (removed.length > 0) await db.stock.bulkDelete(removed);
      await db.meta.put({ key: CHECKPOINT_KEY, value: next });
    });
    received += page.documents.length;
    seq = next;
    if (page.remaining === 0 || page.documents.length === 0) return received;
  }
}
