import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { PriceListEntry, Product, Promotion } from '@pos/core';

/** The hub's stock level of a product in this store (pieces, or grams for weighed products). */
export type StockLevel = { readonly productId: string; readonly level: number; readonly updatedAt: string };
export type CatalogMeta = { readonly key: string; readonly value: unknown };

/**
 * The catalog in Dexie directly: read-mostly, huge, refilled from the hub. multiEntry indexes on
 * barcodes and name words make every lookup an index range; nothing ever loads it whole.
 * Writes are relaxed: a lost catalog write is pulled again, unlike a sale.
 */
export class CatalogDb extends Dexie {
  products!: Table<Product, string>;
  priceLists!: Table<PriceListEntry, [string, string]>;
  meta!: Table<CatalogMeta, string>;
  stock!: Table<StockLevel, string>;
  /** Head office's rules, each in its newest version (issue 14), read by activePromotions. */
  promotions!: Table<Promotion, string>;

  constructor(name: string, options: DexieOptions = {}) {
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    this.version(1).stores({
      products: 'id, sku, *barcodes, *words',
      priceLists: '[listId+productId], productId',
      meta: 'key',
    });
    this.version(2).stores({ stock: 'productId' });
    // A category's products a page at a time (the sale screen's category tiles). The category
    // alone, not [category+name]: a short key keeps a 300,000-product import about as fast as before.
    this.version(3).stores({ products: 'id, sku, *barcodes, *words, category' });
    this.version(4).stores({ promotions: 'id' });
  }
}
