import type { ImportRowError, ProductImportResult } from '@pos/core/sync/head-office-api';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { barcodeOwners } from './barcode-owners';
import { readCsv } from './csv-table';
import { knownVatRates } from './known-vat-rates';
import { productsOfCsv, type RowBarcodes, type RowProduct } from './product-csv';
import { saveProducts, type BarcodeConflict } from './product-writes';

/** A refusal lists this many row errors at most (and says how many there are). */
export const MAX_REPORTED_ERRORS = 1000;

export type ImportOptions = { readonly dryRun?: boolean; readonly currency?: string };

function conflictErrors(conflicts: readonly BarcodeConflict[], rows: readonly RowProduct[]): ImportRowError[] {
  const rowOf = new Map(rows.map((r) => [r.product.id, r.row]));
  return conflicts.map((c) => ({
    row: rowOf.get(c.productId) ?? 0,
    column: 'barcodes',
    message: `barcode ${c.code} already belongs to product ${c.ownerId} (${c.ownerName})`,
    code: 'barcode_taken',
    params: { barcode: c.code, ownerId: c.ownerId, ownerName: c.ownerName },
  }));
}

/**
 * Barcodes of the file already on a live product the file does not replace, for every row (one
 * with other errors too). Checked again under the catalog lock when writing.
 */
async function catalogConflicts(db: Database, rows: readonly RowBarcodes[]): Promise<ImportRowError[]> {
  const replaced = new Set(rows.map((r) => r.productId));
  const owners = await barcodeOwners(
    db,
    rows.flatMap((r) => r.codes),
  );
  const errors: ImportRowError[] = [];
  for (const { row, productId, codes } of rows) {
    for (const code of codes) {
      const owner = owners.get(code)?.find((o) => o.productId !== productId && !replaced.has(o.productId));
      if (owner)
        errors.push({
          row,
          column: 'barcodes',
          message: `barcode ${code} already belongs to product ${owner.productId} (${owner.name})`,
          code: 'barcode_taken',
          params: { barcode: code, ownerId: owner.productId, ownerName: owner.name },
        });
    }
  }
  return errors;
}

function refuse(errors: readonly ImportRowError[]): never {
  // Stable: a row's errors stay in column order.
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rows = new Set(sorted.map((e) => e.row)).size;
  throw new HubError(
    422,
    'invalid_import',
    `${rows} row${rows === 1 ? ' has' : 's have'} errors (${sorted.length} in all): nothing was imported. Fix them and import the whole file again.`,
    {
      errorCount: sorted.length,
      errors: sorted.slice(0, MAX_REPORTED_ERRORS),
    },
  );
}

/**
 * Imports a products CSV (format in sync-server/README.md): every row is checked — on its own,
 * against the other rows, against the catalog — and any error refuses the whole file with the
 * list of row errors. Otherwise every product is created or replaced in one transaction with
 * fresh catalog sequences (unchanged ones keep theirs), and streaming tills are told.
 */
export async function importProductsCsv(
  db: Database,
  file: Uint8Array | string,
  options: ImportOptions = {},
): Promise<ProductImportResult> {
  const read = readCsv(file);
  if (!read.ok) refuse(read.errors);
  const { products, barcodes, errors } = productsOfCsv(read.table, {
    vatRates: await knownVatRates(db),
    currency: options.currency ?? 'EUR',
  });
  const all = [...errors, ...(await catalogConflicts(db, barcodes))];
  if (all.length > 0) refuse(all);
  if (products.length === 0) refuse([{ row: 2, column: '', message: 'The file has a header but no product rows', code: 'no_rows' }]);
  const dryRun = options.dryRun === true;
  const saved = await saveProducts(
    db,
    products.map((r) => r.product),
    { dryRun },
  );
  if (!saved.ok) refuse(conflictErrors(saved.conflicts, products));
  return { rows: products.length, written: saved.written, unchanged: products.length - saved.written, dryRun, lastSeq: saved.lastSeq };
}
