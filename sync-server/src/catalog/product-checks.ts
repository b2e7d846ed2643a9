import { classifyCode, gtinCheckDigit, searchWords, type Product } from '@pos/core';
import type { FieldProblem, ImportErrorCode, ProductBody } from '@pos/core/sync/head-office-api';

/** Product ids are short codes (prd-0001234): letters, digits, `.`, `_`, `-`. */
export const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_BARCODES = 50;
/** A million in minor units: a shelf price above is a typo (a missing decimal comma). */
export const MAX_PRICE = 100_000_000;

export type ProductRules = {
  /** VAT rate ids a product may name: the French rates and those of every store's settings. */
  readonly vatRateIds: ReadonlySet<string>;
};

/** A problem with its stable code and the values its words name, so the back office can say it in its language. */
export type CodedProblem = FieldProblem & { readonly code: ImportErrorCode; readonly params?: Readonly<Record<string, string>> };

export type CheckedProduct =
  { readonly ok: true; readonly product: Product } | { readonly ok: false; readonly problems: readonly CodedProblem[] };

type Reason = Omit<CodedProblem, 'field'>;

/** Why a code cannot be a barcode, in words a person can act on; null when it can. */
export function barcodeProblem(code: string): Reason | null {
  const classified = classifyCode(code, []);
  if (classified.ok) return null;
  const barcode = classified.code;
  if (classified.error === 'check-digit') {
    const expected = String(gtinCheckDigit(barcode.slice(0, -1)));
    const message = `barcode ${barcode} has a wrong check digit (the last digit should be ${expected}): check it was typed right`;
    return { code: 'barcode_check_digit', message, params: { barcode, expected } };
  }
  return {
    code: 'invalid_barcode',
    message:
      classified.error === 'empty'
        ? 'a barcode is empty'
        : `barcode ${barcode} is neither a GTIN (8, 12, 13 or 14 digits) nor an internal code (up to 32 letters, digits, ".", "_", "/" or "-")`,
    params: { barcode },
  };
}

/** The spelling stored and searched: UPC-A and GTIN-14 in their EAN-13 form, so one product is found whichever is scanned. */
export function normalizedBarcode(code: string): string {
  const classified = classifyCode(code, []);
  return classified.ok ? classified.code : code.trim();
}

/**
 * Checks one product (from the API or a CSV row) without the database and builds it as tills
 * store it: sku in capitals, barcodes normalised and without repeats, search words computed.
 * Every problem is listed, not just the first.
 */
export function checkProduct(id: string, body: ProductBody, rules: ProductRules): CheckedProduct {
  const problems: CodedProblem[] = [];
  const problem = (field: string, message: string, code: ImportErrorCode, params?: Record<string, string>) =>
    problems.push({ field, message, code, ...(params ? { params } : {}) });
  if (!PRODUCT_ID.test(id)) problem('id', `a product id is 1 to 64 letters, digits, ".", "_" or "-" (got "${id}")`, 'invalid_id');
  const sku = body.sku.trim().toUpperCase();
  if (sku === '' || sku.length > 64 || /\s/.test(sku)) problem('sku', 'a SKU is 1 to 64 characters without spaces', 'invalid_sku');
  const name = body.name.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > 200) problem('name', 'a name is 1 to 200 characters', 'invalid_name');
  if (body.barcodes.length > MAX_BARCODES)
    problem('barcodes', `at most ${MAX_BARCODES} barcodes per product`, 'too_many_barcodes', { max: String(MAX_BARCODES) });
  const barcodes: string[] = [];
  for (const raw of body.barcodes) {
    const wrong = barcodeProblem(raw);
    if (wrong) problems.push({ field: 'barcodes', ...wrong });
    else if (!barcodes.includes(normalizedBarcode(raw))) barcodes.push(normalizedBarcode(raw));
  }
  if (!Number.isSafeInteger(body.price) || body.price < 0 || body.price > MAX_PRICE) {
    problem('price', `a price is a whole number of minor units (cents) from 0 to ${MAX_PRICE}`, 'price_range', { max: String(MAX_PRICE) });
  }
  if (!/^[A-Z]{3}$/.test(body.currency))
    problem('currency', `a currency is an ISO 4217 code such as EUR (got "${body.currency}")`, 'invalid_currency', {
      value: body.currency,
    });
  if (!rules.vatRateIds.has(body.vatRateId)) {
    const known = [...rules.vatRateIds].sort().join(', ');
    problem('vatRateId', `unknown VAT rate "${body.vatRateId}" (known: ${known})`, 'unknown_vat_rate', { value: body.vatRateId });
  }
  if (body.measure !== 'unit' && body.measure !== 'weight')
    problem('measure', 'measure is "unit" (sold by the piece) or "weight" (price per kg)', 'invalid_measure', {
      value: String(body.measure),
    });
  const category = (body.category ?? '').trim();
  if (category.length > 100) problem('category', 'a category is at most 100 characters', 'category_too_long');
  if (body.service !== undefined && typeof body.service !== 'boolean')
    problem('service', 'service is true (a service, whose note is compulsory from 25 € TTC) or false (goods)', 'invalid_service', {
      value: String(body.service),
    });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    product: {
      id,
      sku,
      name,
      barcodes,
      words: searchWords(name),
      price: body.price,
      currency: body.currency,
      vatRateId: body.vatRateId,
      measure: body.measure,
      category,
      ...(body.disabled ? { disabled: true } : {}),
      ...(body.service === true ? { service: true as const } : {}),
    },
  };
}
