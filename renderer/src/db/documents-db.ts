import {
  cartSchema,
  customerSchema,
  saleMigrationStrategies,
  saleSchema,
  settingSchema,
  tillRecordSchema,
  type CartDoc,
  type CustomerDoc,
  type SaleDoc,
  type SettingDoc,
  type TillRecordDoc,
} from '@pos/core';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';

// Stored documents of an older schema version are migrated when their collection opens.
addRxPlugin(RxDBMigrationSchemaPlugin);

export type TillCollections = {
  sales: RxCollection<SaleDoc>;
  till_records: RxCollection<TillRecordDoc>;
  customers: RxCollection<CustomerDoc>;
  carts: RxCollection<CartDoc>;
  settings: RxCollection<SettingDoc>;
};

export type DocumentsDb = RxDatabase<TillCollections>;

/**
 * Every document the till writes (sales, till records, carts, settings) in RxDB on Dexie storage,
 * created with strict durability by the caller's storage: a sale's write resolves only once it is
 * on disk. Five collections, well under the free tier's 13 per process.
 */
export async function createDocumentsDb(name: string, storage: RxStorage<unknown, unknown>): Promise<DocumentsDb> {
  const db = await createRxDatabase<TillCollections>({ name, storage, multiInstance: false, eventReduce: true, closeDuplicates: true });
  await db.addCollections({
    sales: { schema: saleSchema as unknown as RxJsonSchema<SaleDoc>, migrationStrategies: saleMigrationStrategies },
    till_records: { schema: tillRecordSchema as unknown as RxJsonSchema<TillRecordDoc> },
    customers: { schema: customerSchema as unknown as RxJsonSchema<CustomerDoc> },
    carts: { schema: cartSchema as unknown as RxJsonSchema<CartDoc> },
    settings: { schema: settingSchema as unknown as RxJsonSchema<SettingDoc> },
  });
  return db;
}
