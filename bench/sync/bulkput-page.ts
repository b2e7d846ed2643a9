/**
 * The bare Dexie bulkPut the till's catalog import is compared with: bundled by esbuild for the
 * page (till-session.ts), run in the same Chromium as the till. Same Dexie (4.4.2, the one rxdb
 * pins), the till's own CatalogDb class (same indexes, relaxed durability), core's generated
 * catalog, chunks of 2,000 products as the till's import pages. Only the bulkPut calls are
 * timed; generating the products is not.
 */
import { demoProducts } from '@pos/core/demo/demo-catalog';
import Dexie from 'dexie';
import { CatalogDb } from '../../renderer/src/db/catalog-db';

export const SCRATCH_DB = 'bench-bare-bulkput';
const CHUNK = 2000;

export type BulkPutProgress = {
  done: number;
  total: number;
  /** Sum of the bulkPut calls alone. */
  bulkPutMs: number;
  /** First bulkPut to last, generation of the products included. */
  wallMs: number;
  count: number;
  finished: boolean;
  error: string | null;
};

export type BulkPutApi = { start(total: number): void; progress(): BulkPutProgress; drop(): Promise<void> };

const progress: BulkPutProgress = { done: 0, total: 0, bulkPutMs: 0, wallMs: 0, count: 0, finished: false, error: null };

async function run(total: number): Promise<void> {
  await Dexie.delete(SCRATCH_DB);
  const db = new CatalogDb(SCRATCH_DB);
  await db.open();
  progress.total = total;
  const started = performance.now();
  for (let from = 0; from < total; from += CHUNK) {
    const batch = demoProducts(from, CHUNK, total);
    const t = performance.now();
    await db.products.bulkPut(batch);
    progress.bulkPutMs += performance.now() - t;
    progress.done = Math.min(from + CHUNK, total);
  }
  progress.wallMs = performance.now() - started;
  progress.count = await db.products.count();
  db.close();
}

const api: BulkPutApi = {
  start(total) {
    void run(total)
      .catch((error: unknown) => {
        progress.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        progress.finished = true;
      });
  },
  progress: () => ({ ...progress }),
  drop: () => Dexie.delete(SCRATCH_DB),
};

(window as unknown as { __bulkPut: BulkPutApi }).__bulkPut = api;
