import {
  classifyCode,
  gtinLookupCodes,
  parseScannedCode,
  storeDate,
  type Gs1Problem,
  type Gs1Summary,
  type Product,
  type VariableMeasureLayout,
} from '@pos/core';
import type { CatalogDb } from '../../db/catalog-db';
import { findByBarcode, findBySku, withListPrice } from '../../db/catalog-search';

/** What a scanned or typed code turns into, before it touches the cart. */
export type CodeResolution =
  | {
      readonly kind: 'product';
      readonly product: Product;
      readonly code: string;
      readonly quantity?: number;
      readonly labelAmount?: number;
      /** GS1 elements the label carries that were read past (unknown AI, bad value), in plain words. */
      readonly unread?: readonly string[];
    }
  | { readonly kind: 'needs-weight'; readonly product: Product; readonly code: string }
  | { readonly kind: 'error'; readonly key: string; readonly values: Record<string, unknown>; readonly openSearch?: string }
  | { readonly kind: 'ignore' };

/**
 * Scan rules: check digits first (a misread is refused, never looked up); variable-measure
 * labels are looked up with their value zeroed and carry the weight or price; other codes are
 * barcodes, then SKUs. Unknown codes open the search with the code.
 * An 8-digit code is looked up as EAN-8, then as the UPC-A of its UPC-E reading (classifyCode);
 * the first product found sells. An EAN/UPC add-on never takes part in the lookup: it is kept on
 * the line's code ("main+add-on"); an add-on that comes as its own scan (]E1, ]E2) is ignored.
 */
export async function resolveCode(
  db: CatalogDb,
  raw: string,
  layouts: readonly VariableMeasureLayout[],
  priceListId: string | null = null,
  /** The store's date (sell passes storeDate in the store's zone): a use-by date is the store's day. */
  today: string = storeDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
): Promise<CodeResolution> {
  // An AIM prefix ("]E0", "]C1") says what the scanner read; GS1 codes carry their GTIN, weight, price.
  const scanned = parseScannedCode(raw.trim());
  // Said by its reason in the screen's language: the parser's message is English, for support only.
  if (!scanned.ok) return { kind: 'error', key: `scan.gs1Invalid.${scanned.reason}`, values: { code: printable(scanned.code) } };
  if (scanned.kind === 'gs1') return resolveGs1(db, scanned.summary, scanned.problems, printable(raw.trim()), priceListId, today);
  if (scanned.aim?.symbology === 'ean-upc-add-on') return { kind: 'ignore' };
  const classified = classifyCode(scanned.code, layouts, scanned.aim ? { symbology: scanned.aim.symbology } : {});
  if (!classified.ok) {
    if (classified.error === 'empty') return { kind: 'ignore' };
    return {
      kind: 'error',
      key: classified.error === 'check-digit' ? 'scan.checkDigit' : 'scan.malformed',
      values: { code: classified.code },
    };
  }
  const lookups =
    classified.kind === 'variable'
      ? [classified.lookupCode]
      : classified.kind === 'gtin'
        ? [classified.code, ...(classified.alternatives ?? [])]
        : [classified.code];
  const byBarcode = await findFirstByBarcode(db, lookups);
  const found = byBarcode?.product ?? (classified.kind === 'internal' ? await findBySku(db, classified.code) : undefined);
  if (!found) return { kind: 'error', key: 'scan.unknown', values: { code: classified.code }, openSearch: classified.code };
  const addOn = scanned.addOn ?? (classified.kind === 'internal' ? undefined : classified.addOn);
  const read = classified.kind === 'gtin' ? (byBarcode?.code ?? classified.code) : classified.code;
  const code = addOn ? `${read}+${addOn}` : read;
  const product = await withListPrice(db, found, priceListId);
  if (product.disabled) return { kind: 'error', key: 'scan.notSellable', values: { name: product.name } };
  if (classified.kind === 'variable') {
    if (classified.valueKind === 'weight_g') {
      if (product.measure !== 'weight') return { kind: 'error', key: 'scan.notWeighed', values: { name: product.name } };
      if (classified.value <= 0) return { kind: 'needs-weight', product, code };
      return { kind: 'product', product, code, quantity: classified.value };
    }
    return {
      kind: 'product',
      product,
      code,
      quantity: priceLabelQuantity(product, classified.value),
      labelAmount: classified.value,
    };
  }
  if (product.measure === 'weight') return { kind: 'needs-weight', product, code };
  return { kind: 'product', product, code };
}

/** A price label: the line is worth the label; for a weighed product the weight is derived for the record. */
function priceLabelQuantity(product: Product, amount: number): number {
  return product.measure === 'weight' && product.price > 0 ? Math.max(1, Math.round((amount * 1000) / product.price)) : 1;
}

/** The first of `codes` a product is registered under, in order, with the code that found it. */
async function findFirstByBarcode(db: CatalogDb, codes: readonly string[]): Promise<{ product: Product; code: string } | undefined> {
  for (const code of codes) {
    const product = await findByBarcode(db, code);
    if (product) return { product, code };
  }
  return undefined;
}

/** FNC1 separators shown as a space in messages. */
function printable(code: string): string {
  return code.replace(/[\u0000-\u001f]/g, ' ').trim();
}

/**
 * A GS1 element string (GS1-128, DataBar, DataMatrix): the product by its GTIN (01), sold by the
 * net weight (310x) or at the price (392x) the label carries. A product past its use-by date (17)
 * is refused: it may not be sold. Elements the parser read past never stop the sale; they come
 * back in `unread`.
 */
async function resolveGs1(
  db: CatalogDb,
  summary: Gs1Summary,
  problems: readonly Gs1Problem[],
  code: string,
  priceListId: string | null,
  today: string,
): Promise<CodeResolution> {
  if (!summary.gtin) return { kind: 'error', key: 'scan.gs1NoGtin', values: { code } };
  const lookups = gtinLookupCodes(summary.gtin);
  const found = await findFirstByBarcode(db, lookups);
  const gtin = found?.code ?? lookups[0] ?? summary.gtin;
  if (!found) return { kind: 'error', key: 'scan.unknown', values: { code: gtin }, openSearch: gtin };
  const product = await withListPrice(db, found.product, priceListId);
  const unread = problems.length > 0 ? { unread: problems.map((p) => p.message) } : {};
  if (product.disabled) return { kind: 'error', key: 'scan.notSellable', values: { name: product.name } };
  if (summary.expiry && summary.expiry < today)
    return { kind: 'error', key: 'scan.expired', values: { name: product.name, date: summary.expiry } };
  if (summary.priceCents !== undefined) {
    // A label carrying its weight too gives the weight; otherwise it is derived as for a price label.
    const quantity =
      product.measure === 'weight' && summary.netWeightGrams !== undefined
        ? summary.netWeightGrams
        : priceLabelQuantity(product, summary.priceCents);
    return { kind: 'product', product, code: gtin, quantity, labelAmount: summary.priceCents, ...unread };
  }
  if (summary.netWeightGrams !== undefined) {
    if (product.measure !== 'weight') return { kind: 'error', key: 'scan.notWeighed', values: { name: product.name } };
    return { kind: 'product', product, code: gtin, quantity: summary.netWeightGrams, ...unread };
  }
  if (product.measure === 'weight') return { kind: 'needs-weight', product, code: gtin };
  return { kind: 'product', product, code: gtin, ...unread };
}
