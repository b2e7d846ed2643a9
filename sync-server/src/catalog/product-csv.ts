import { FRENCH_VAT_RATES, normalizeSearchText, parseAmount, type Product, type VatRate } from '@pos/core';
import type { ImportErrorCode, ImportRowError, ProductBody } from '@pos/core/sync/head-office-api';
import type { CsvTable } from './csv-table';
import { barcodeProblem, checkProduct, normalizedBarcode } from './product-checks';

/** The import's columns, in the order a template lists them (any order is read). */
export const PRODUCT_COLUMNS = ['id', 'sku', 'name', 'barcodes', 'price', 'vat_rate', 'measure', 'category', 'service'] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

/** Columns a file may leave out: files written before `service` existed still import (all goods). */
const OPTIONAL_COLUMNS: ReadonlySet<ProductColumn> = new Set(['service']);

/** Where a product field's problem is shown in the file. */
const COLUMN_OF_FIELD: Record<string, ProductColumn> = {
  id: 'id',
  sku: 'sku',
  name: 'name',
  barcodes: 'barcodes',
  price: 'price',
  vatRateId: 'vat_rate',
  measure: 'measure',
  category: 'category',
  currency: 'price',
  service: 'service',
};

const MEASURES: Record<string, Product['measure']> = {
  unit: 'unit',
  u: 'unit',
  piece: 'unit',
  pc: 'unit',
  pcs: 'unit',
  unite: 'unit',
  weight: 'weight',
  kg: 'weight',
  poids: 'weight',
  'au kg': 'weight',
};

/** A service or goods, as a spreadsheet says it in either language; a blank cell is goods. */
const SERVICE_ANSWERS = new Map<string, boolean>([
  ...['yes', 'oui', '1', 'true'].map((word) => [word, true] as const),
  ...['no', 'non', '0', 'false', ''].map((word) => [word, false] as const),
]);

export type RowProduct = { readonly row: number; readonly product: Product };

/** The valid barcodes of every row, errors or not, so clashes with the catalog are reported for the whole file at once. */
export type RowBarcodes = { readonly row: number; readonly productId: string; readonly codes: readonly string[] };

type Reported = { errors: ImportRowError[] };

function percentLabel(bp: number): string {
  return `${(bp / 100).toString().replace('.', ',')} %`;
}

/**
 * "FR-20" (a rate id, any case), or the rate itself: "20", "5,5", "5.5 %". A rate shared by
 * several known ids resolves to the French one, else it must be given by id.
 */
export function resolveVatRate(
  text: string,
  rates: readonly VatRate[],
): { id: string } | { problem: string; code: ImportErrorCode; ids?: string } {
  const byId = rates.find((r) => r.id.toLowerCase() === text.toLowerCase());
  if (byId) return { id: byId.id };
  const bp = parseAmount(text.replace('%', ''), 2);
  const known = rates.map((r) => `${r.id} (${percentLabel(r.rateBp)})`).join(', ');
  if (bp === null)
    return { problem: `"${text}" is neither a VAT rate id nor a rate in percent (known: ${known})`, code: 'invalid_vat_rate' };
  const matches = rates.filter((r) => r.rateBp === bp);
  const french = matches.find((r) => FRENCH_VAT_RATES.some((f) => f.id === r.id));
  if (french) return { id: french.id };
  if (matches.length === 1) return { id: matches[0]!.id };
  const ids = matches.map((m) => m.id).join(', ');
  if (matches.length > 1)
    return { problem: `several VAT rates are ${percentLabel(bp)} (${ids}): give its id`, code: 'ambiguous_vat_rate', ids };
  return { problem: `no known VAT rate is ${percentLabel(bp)} (known: ${known})`, code: 'invalid_vat_rate' };
}

/** "12,50", "12.5", "3 €", "1 234,00": euros (the currency's major unit) → minor units. */
export function parsePrice(text: string): number | null {
  return parseAmount(text.replace(/€|EUR/gi, ''), 2);
}

/** Which column holds what: every known column exactly once, nothing else. */
function columnIndexes(table: CsvTable, report: Reported): Map<ProductColumn, number> | null {
  const indexes = new Map<ProductColumn, number>();
  const names = table.header.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  names.forEach((name, i) => {
    const column = PRODUCT_COLUMNS.find((c) => c === name);
    if (!column)
      report.errors.push({
        row: 1,
        column: table.header[i] ?? '',
        message: `unknown column "${table.header[i]}" (the columns are ${PRODUCT_COLUMNS.join(', ')})`,
        code: 'unknown_column',
        params: { name: table.header[i] ?? '' },
      });
    else if (indexes.has(column))
      report.errors.push({ row: 1, column, message: `column ${column} appears twice`, code: 'duplicate_column' });
    else indexes.set(column, i);
  });
  for (const column of PRODUCT_COLUMNS) {
    if (!indexes.has(column) && !OPTIONAL_COLUMNS.has(column))
      report.errors.push({
        row: 1,
        column,
        message: `the header has no ${column} column (the columns are ${PRODUCT_COLUMNS.join(', ')})`,
        code: 'missing_column',
      });
  }
  return report.errors.length === 0 ? indexes : null;
}

/**
 * Every row checked on its own (required fields, check digits, price, VAT rate, measure) and
 * against the other rows (an id or a barcode twice). Blank rows are skipped. The products of
 * the rows without errors come back with their row numbers, for the checks that need the catalog.
 */
export function productsOfCsv(
  table: CsvTable,
  options: { vatRates: readonly VatRate[]; currency: string },
): { products: RowProduct[]; barcodes: RowBarcodes[]; errors: ImportRowError[] } {
  const report: Reported = { errors: [] };
  const indexes = columnIndexes(table, report);
  if (!indexes) return { products: [], barcodes: [], errors: report.errors };
  const rowBarcodes: RowBarcodes[] = [];
  const rules = { vatRateIds: new Set(options.vatRates.map((r) => r.id)) };
  const products: RowProduct[] = [];
  const idRows = new Map<string, number>();
  const barcodeRows = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c === '')) continue;
    const errors: ImportRowError[] = [];
    const fail = (column: string, message: string, code: ImportErrorCode, params?: Readonly<Record<string, string>>) =>
      errors.push({ row, column, message, code, ...(params ? { params } : {}) });
    if (cells.length !== table.header.length)
      fail(
        '',
        `this row has ${cells.length} cells where the header has ${table.header.length}: check the separators and quotes`,
        'cell_count',
        {
          cells: String(cells.length),
          expected: String(table.header.length),
        },
      );
    const cell = (column: ProductColumn) => {
      const index = indexes.get(column);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    for (const column of ['id', 'sku', 'name', 'price', 'vat_rate', 'measure'] as const)
      if (cell(column) === '') fail(column, `${column} is required`, 'required');

    const price = cell('price') === '' ? null : parsePrice(cell('price'));
    if (cell('price') !== '' && price === null)
      fail('price', `"${cell('price')}" is not a price in euros with at most 2 decimals (e.g. 12,50)`, 'invalid_price', {
        value: cell('price'),
      });
    const vat = cell('vat_rate') === '' ? null : resolveVatRate(cell('vat_rate'), options.vatRates);
    if (vat && 'problem' in vat) fail('vat_rate', vat.problem, vat.code, { value: cell('vat_rate'), ...(vat.ids ? { ids: vat.ids } : {}) });
    const measure = MEASURES[normalizeSearchText(cell('measure'))];
    if (cell('measure') !== '' && !measure)
      fail('measure', `"${cell('measure')}" is not a measure: unit (by the piece) or weight (price per kg)`, 'invalid_measure', {
        value: cell('measure'),
      });

    const service = SERVICE_ANSWERS.get(normalizeSearchText(cell('service')));
    if (service === undefined)
      fail('service', `"${cell('service')}" is not yes or no (oui/non, 1/0, true/false): is the product a service?`, 'invalid_service', {
        value: cell('service'),
      });

    const barcodes = cell('barcodes')
      .split('|')
      .map((b) => b.trim())
      .filter((b) => b !== '');
    const body: ProductBody = {
      sku: cell('sku') || '-',
      name: cell('name') || '-',
      barcodes,
      price: price ?? 0,
      currency: options.currency,
      vatRateId: vat && 'id' in vat ? vat.id : [...rules.vatRateIds][0]!,
      measure: measure ?? 'unit',
      category: cell('category'),
      ...(service ? { service } : {}),
    };
    const reported = new Set(errors.map((e) => e.column));
    const checked = checkProduct(cell('id') || 'x', body, rules);
    if (!checked.ok) {
      for (const p of checked.problems) {
        const column = COLUMN_OF_FIELD[p.field] ?? p.field;
        if (!reported.has(column)) fail(column, p.message, p.code, p.params);
      }
    }
    const id = cell('id');
    const firstRow = idRows.get(id);
    if (id !== '' && firstRow !== undefined)
      fail('id', `product ${id} is also on row ${firstRow}`, 'duplicate_id', { otherRow: String(firstRow) });
    else if (id !== '') idRows.set(id, row);
    // Only codes that are valid can clash; a wrong one is reported once, for what it is.
    const codes = [...new Set(barcodes.filter((b) => barcodeProblem(b) === null).map(normalizedBarcode))];
    for (const code of codes) {
      const other = barcodeRows.get(code);
      if (other !== undefined)
        fail('barcodes', `barcode ${code} is also on row ${other}`, 'duplicate_barcode', { barcode: code, otherRow: String(other) });
      else barcodeRows.set(code, row);
    }
    rowBarcodes.push({ row, productId: id, codes });
    if (errors.length > 0) report.errors.push(...errors);
    else if (checked.ok) products.push({ row, product: checked.product });
  }
  return { products, barcodes: rowBarcodes, errors: report.errors };
}
