import type { Product } from '@pos/core';
import { PRODUCT_COLUMNS, type ProductColumn } from '../catalog/product-csv';
import type { ExportColumn } from './export/export-table';

const same = (name: string) => ({ fr: name, en: name });

/** How each import column is written from a product: prices in euros, barcodes separated by |, codes as the import reads them. */
const CELLS: Record<ProductColumn, Omit<ExportColumn<Product>, 'key' | 'header'>> = {
  id: {},
  sku: {},
  name: {},
  barcodes: { value: (p) => p.barcodes.join('|') },
  price: { type: 'money' },
  vat_rate: { value: (p) => p.vatRateId },
  measure: {},
  category: {},
  service: { value: (p) => (p.service ? 'yes' : 'no') },
};

/**
 * The product list as a file (GET /api/v1/admin/products?format=csv|xlsx): the import's columns,
 * named as the import names them in both languages, so an exported file edited in a spreadsheet
 * imports again (sync-server/README.md, products CSV).
 */
export const PRODUCT_EXPORT_COLUMNS: readonly ExportColumn<Product>[] = PRODUCT_COLUMNS.map((key) => ({
  key,
  header: same(key),
  ...CELLS[key],
}));
