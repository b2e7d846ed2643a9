import 'fake-indexeddb/auto';
import { canonicalText, saleDocFromRecord, saleSchema, verifyChain, type SealedRecord } from '@pos/core';
import { cashSale, saleAsVersion0, signedSaleRecord as sealed, TEST_SIGNING_KEY } from '@pos/core/test-support/sample-sale';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { createDocumentsDb } from './documents-db';

const PUBLIC = TEST_SIGNING_KEY.publicKey;

/** The sales collection as tills stored it before the sale document version 1. */
const SALE_SCHEMA_V0 = {
  ...saleSchema,
  version: 0,
  properties: Object.fromEntries(Object.entries(saleSchema.properties).filter(([k]) => !['kind', 'businessDate', 'training'].includes(k))),
};

let n = 0;

describe('the sales collection, schema version 1', () => {
  it('opens a database of version 0 and keeps its sales as they were sealed, byte for byte, adding nothing', async () => {
    const name = `migration-test-${n++}`;
    const storage = getRxStorageDexie({});
    const first = sealed(saleAsVersion0(cashSale({ saleId: 'old-1' })), 1);
    const second = sealed(saleAsVersion0(cashSale({ saleId: 'old-2', products: [101, 205, 101] })), 2, first.hash);
    const stored = [saleDocFromRecord(first), saleDocFromRecord(second)];
    expect(Object.keys(stored[0]!)).not.toContain('kind');

    const old = await createRxDatabase<{ sales: RxCollection<unknown> }>({ name, storage, multiInstance: false });
    await old.addCollections({ sales: { schema: SALE_SCHEMA_V0 as unknown as RxJsonSchema<unknown> } });
    await old.sales.bulkInsert(stored);
    await old.close();

    const db = await createDocumentsDb(name, storage);
    try {
      const docs = (await db.sales.find({ sort: [{ seq: 'asc' }] }).exec()).map((d) => d.toJSON());
      expect(docs).toEqual(stored);
      for (const [i, doc] of docs.entries()) expect(canonicalText(doc.record)).toBe(canonicalText(stored[i]!.record));
      expect(verifyChain(docs.map((d) => d.record) as SealedRecord[], PUBLIC)).toEqual([]);
      // A version 1 sale is stored beside them with the copies of its kind and business date.
      const v1 = sealed(cashSale({ saleId: 'new-1' }), 3, second.hash);
      await db.sales.insert(saleDocFromRecord(v1));
      const doc = (await db.sales.findOne('new-1').exec())!.toJSON();
      expect(doc).toMatchObject({ kind: 'sale', businessDate: '2026-11-22' });
      expect(doc.training).toBeUndefined();
      expect(canonicalText(doc.record)).toBe(canonicalText(v1));
    } finally {
      await db.remove();
    }
  });
});
