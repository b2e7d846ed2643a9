import { classifyCode } from '@pos/core';
import type { Product } from './catalog-api';

/** A product as a picker shows it once chosen. */
export type PickedProduct = { readonly id: string; readonly name: string };

/**
 * What a product field holds: the text typed (a name, barcode, SKU or id) and the product chosen
 * for it; without one, the text is taken as the id (the search could not be read, or was not used).
 */
export type ProductChoice = { readonly text: string; readonly product: PickedProduct | null };

export const NO_PRODUCT: ProductChoice = { text: '', product: null };

/** Products a picker offers at once: enough to find one by a few letters, few enough to read. */
export const PICKER_MATCHES = 8;

/** The id sent for this field: the chosen product's, else the text as typed. */
export function chosenProductId(choice: ProductChoice): string {
  return choice.product?.id ?? choice.text.trim();
}

/** The product as a person reads it: its name and id (the id alone while none is chosen). */
export function choiceText(choice: ProductChoice): string {
  return choice.product ? `${choice.product.name} (${choice.product.id})` : chosenProductId(choice);
}

/**
 * The one product whose id, SKU or a barcode is exactly `text` (a scanned code, a typed id), so
 * it is chosen without a click; null when none is, or several are. A UPC-A or GTIN-14 is compared
 * in its EAN-13 form, as the catalog stores barcodes (core's classifyCode, as the hub does).
 */
export function exactMatch(products: readonly Product[], text: string): Product | null {
  const code = text.trim();
  if (!code) return null;
  const classified = classifyCode(code, []);
  const barcode = classified.ok ? classified.code : code;
  const found = products.filter((p) => p.id === code || p.sku === code.toUpperCase() || p.barcodes.includes(barcode));
  return found.length === 1 ? found[0]! : null;
}
