import { classifyCode, type Product, type VariableMeasureLayout } from '@pos/core';
import type { CatalogDb } from '../../db/catalog-db';
import { findByBarcode, findBySku, withListPrice } from '../../db/catalog-search';

/** What a scanned or typed code turns into, before it touches the cart. */
export type CodeResolution =
  | { readonly kind: 'product'; readonly product: Product; readonly code: string; readonly quantity?: number; readonly labelAmount?: number }
  | { readonly kind: 'needs-weight'; readonly product: Product; readonly code: string }
  | { readonly kind: 'error'; readonly key: string; readonly values: Record<string, unknown>; readonly openSearch?: string }
  | { readonly kind: 'ignore' };

/**
 * Scan rules: check digits first (a misread is refused, never looked up); variable-measure
 * labels are looked up with their value zeroed and carry the weight or price; other codes are
 * barcodes, then SKUs. Unknown codes open the search with the code.
 */
export async function resolveCode(
  db: CatalogDb,
  raw: string,
  layouts: readonly VariableMeasureLayout[],
  priceListId: string | null = null,
): Promise<CodeResolution> {
  const classified = classifyCode(raw, layouts);
  if (!classified.ok) {
    if (classified.error === 'empty') return { kind: 'ignore' };
    return { kind: 'error', key: classified.error === 'check-digit' ? 'scan.checkDigit' : 'scan.malformed', values: { code: classified.code } };
  }
  const lookup = classified.kind === 'variable' ? classified.lookupCode : classified.code;
  const found = (await findByBarcode(db, lookup)) ?? (classified.kind === 'internal' ? await findBySku(db, classified.code) : undefined);
  if (!found) return { kind: 'error', key: 'scan.unknown', values: { code: classified.code }, openSearch: classified.code };
  const product = await withListPrice(db, found, priceListId);
  if (product.disabled) return { kind: 'error', key: 'scan.notSellable', values: { name: product.name } };
  if (classified.kind === 'variable') {
    if (classified.valueKind === 'weight_g') {
      if (product.measure !== 'weight') return { kind: 'error', key: 'scan.notWeighed', values: { name: product.name } };
      if (classified.value <= 0) return { kind: 'needs-weight', product, code: classified.code };
      return { kind: 'product', product, code: classified.code, quantity: classified.value };
    }
    // A price label: the line is worth the label; for a weighed product the weight is derived for the record.
    const quantity = product.measure === 'weight' && product.price > 0 ? Math.max(1, Math.round((classified.value * 1000) / product.price)) : 1;
    return { kind: 'product', product, code: classified.code, quantity, labelAmount: classified.value };
  }
  if (product.measure === 'weight') return { kind: 'needs-weight', product, code: classified.code };
  return { kind: 'product', product, code: classified.code };
}
