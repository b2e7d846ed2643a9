import { findSyncCollection, type Product, type SyncCollection } from '@pos/core';
import type { ProductWriteResult } from '@pos/core/sync/head-office-api';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { findDocuments, lockCounter } from '../sync/document-table';
import { planHubDocuments, putHubDocumentsIn, type HubWriteResult } from '../sync/hub-writes';
import { CATALOG_SCOPE } from '../sync/scope';
import { barcodeOwners } from './barcode-owners';

const PRODUCTS = findSyncCollection('products') as SyncCollection;

/** A barcode the batch gives `productId` while another live product (`ownerId`) has it. */
export type BarcodeConflict = { readonly productId: string; readonly code: string; readonly ownerId: string; readonly ownerName: string };

export type SaveOutcome = ({ readonly ok: true } & HubWriteResult) | { readonly ok: false; readonly conflicts: readonly BarcodeConflict[] };

/**
 * Barcodes must name one product. Checked after the catalog counter is locked, so two head-office
 * writes cannot both give a code away. A product of the batch may take a code another product of
 * the batch drops: the batch replaces those products whole.
 */
async function conflictsOf(tx: Queryable, products: readonly Product[]): Promise<BarcodeConflict[]> {
  const inBatch = new Map<string, Product>();
  const conflicts: BarcodeConflict[] = [];
  for (const product of products) {
    for (const code of product.barcodes) {
      const first = inBatch.get(code);
      if (first && first.id !== product.id) conflicts.push({ productId: product.id, code, ownerId: first.id, ownerName: first.name });
      else inBatch.set(code, product);
    }
  }
  const replaced = new Set(products.map((p) => p.id));
  const owners = await barcodeOwners(tx, [...inBatch.keys()]);
  for (const [code, product] of inBatch) {
    const owner = owners.get(code)?.find((o) => o.productId !== product.id && !replaced.has(o.productId));
    if (owner) conflicts.push({ productId: product.id, code, ownerId: owner.productId, ownerName: owner.name });
  }
  return conflicts;
}

/**
 * Creates or replaces products in one transaction with fresh catalog sequences (unchanged ones
 * keep theirs) and a NOTIFY, so streaming tills get them at once. Nothing is written when a
 * barcode belongs to another product; `dryRun` checks the same way and counts what would change.
 */
export async function saveProducts(db: Database, products: readonly Product[], options: { dryRun?: boolean } = {}): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const conflicts = await conflictsOf(tx, products);
    if (conflicts.length > 0) return { ok: false, conflicts };
    // A dry run says how many products would change, and writes nothing.
    if (options.dryRun) return { ok: true, written: (await planHubDocuments(tx, CATALOG_SCOPE, PRODUCTS, products)).length, lastSeq: null };
    return { ok: true, ...(await putHubDocumentsIn(tx, CATALOG_SCOPE, PRODUCTS, products)) };
  });
}

/** The product as stored, a tombstone included; null when the catalog never had it. */
export async function storedProduct(tx: Queryable, id: string): Promise<{ product: Product; deleted: boolean; seq: number } | null> {
  const stored = (await findDocuments(tx, CATALOG_SCOPE, PRODUCTS.name, [id])).get(id);
  return stored ? { product: { ...(stored.doc as Omit<Product, 'id'>), id }, deleted: stored.deleted, seq: stored.seq } : null;
}

/** PUT: the product as given replaces whatever was there (a tombstone included). */
export async function putProduct(db: Database, product: Product): Promise<ProductWriteResult & { created: boolean }> {
  const existed = (await storedProduct(db, product.id)) !== null;
  const outcome = await saveProducts(db, [product]);
  if (!outcome.ok) {
    const problems = outcome.conflicts.map((c) => ({
      field: 'barcodes',
      message: `barcode ${c.code} already belongs to product ${c.ownerId} (${c.ownerName})`,
      code: 'barcode_taken',
      params: { barcode: c.code, ownerId: c.ownerId, ownerName: c.ownerName },
    }));
    throw new HubError(422, 'invalid_product', problems.map((p) => p.message).join('; '), { problems });
  }
  const stored = await storedProduct(db, product.id);
  if (!stored) throw new Error(`Product ${product.id} vanished after its write`);
  return { ...stored, created: !existed };
}

/** Read, change and write under the catalog lock, so a concurrent import cannot be overwritten with stale fields. */
async function updateProduct(
  db: Database,
  id: string,
  change: (stored: { product: Product; deleted: boolean }) => { product: Product; deleted: boolean },
): Promise<ProductWriteResult> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const stored = await storedProduct(tx, id);
    if (!stored) throw new HubError(404, 'not_found', `No product ${id} in the catalog`);
    const next = change(stored);
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, PRODUCTS, [{ ...next.product, _deleted: next.deleted }]);
    return { product: next.product, deleted: next.deleted, seq: written.lastSeq ?? stored.seq };
  });
}

/** PATCH {price}: a price change; a withdrawn (deleted) product has no price to change. */
export function changePrice(db: Database, id: string, price: number): Promise<ProductWriteResult> {
  return updateProduct(db, id, (stored) => {
    if (stored.deleted) throw new HubError(404, 'not_found', `Product ${id} was deleted: put it again to bring it back`);
    return { product: { ...stored.product, price }, deleted: false };
  });
}

/**
 * DELETE: a tombstone (deleted = true, a new sequence) so every till, even one offline for a
 * week, removes it when it catches up. The fields stay for head office; deleting twice is a no-op.
 */
export function deleteProduct(db: Database, id: string): Promise<ProductWriteResult> {
  return updateProduct(db, id, (stored) => ({ product: stored.product, deleted: true }));
}
