import type { Product, ProductBody } from './catalog-api';
import { centsOf, euroText } from './price';

/** The editor's fields as typed: the price in euros, the barcodes one per line. */
export type ProductDraft = {
  readonly id: string;
  readonly name: string;
  readonly sku: string;
  readonly barcodes: string;
  readonly category: string;
  readonly vatRateId: string;
  readonly measure: Product['measure'];
  readonly price: string;
  /** A service (prestation): its note always prints when a sale's services reach 25 € TTC. */
  readonly service: boolean;
};

/** The hub's rule for a product id (sync-server/src/catalog/product-checks.ts PRODUCT_ID). */
const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_BARCODES = 50;

export const EMPTY_DRAFT: ProductDraft = {
  id: '',
  name: '',
  sku: '',
  barcodes: '',
  category: '',
  vatRateId: '',
  measure: 'unit',
  price: '',
  service: false,
};

export function draftOf(product: Product, locale: string): ProductDraft {
  return {
    id: product.id,
    name: product.name,
    sku: product.sku,
    barcodes: product.barcodes.join('\n'),
    category: product.category,
    vatRateId: product.vatRateId,
    measure: product.measure,
    price: euroText(product.price, locale),
    service: product.service === true,
  };
}

/** The key of catalog.problems / catalog.invalidPrice naming what is wrong. */
export type DraftProblem = 'id' | 'sku' | 'name' | 'barcodes' | 'category' | 'vat' | 'price';

/** The body of PUT /products/:id, or the first thing to fix (the hub checks the rest: check digits, a barcode on another product). */
export function bodyOf(draft: ProductDraft, saved: Product | null): { body: ProductBody } | { problem: DraftProblem } {
  if (!PRODUCT_ID.test(draft.id.trim())) return { problem: 'id' };
  const name = draft.name.trim();
  if (name === '' || name.length > 200) return { problem: 'name' };
  const sku = draft.sku.trim();
  if (sku === '' || sku.length > 64 || /\s/.test(sku)) return { problem: 'sku' };
  const barcodes = draft.barcodes
    .split(/[\n,;|]/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (barcodes.length > MAX_BARCODES || barcodes.some((b) => b.length > 64)) return { problem: 'barcodes' };
  const category = draft.category.trim();
  if (category.length > 100) return { problem: 'category' };
  if (draft.vatRateId === '') return { problem: 'vat' };
  const price = centsOf(draft.price);
  if (price === null) return { problem: 'price' };
  return {
    body: {
      sku,
      name,
      barcodes,
      price,
      currency: saved?.currency ?? 'EUR',
      vatRateId: draft.vatRateId,
      measure: draft.measure,
      category,
      ...(saved?.disabled ? { disabled: true } : {}),
      // PUT replaces the whole product: goods are a product without the flag.
      ...(draft.service ? { service: true } : {}),
    },
  };
}
