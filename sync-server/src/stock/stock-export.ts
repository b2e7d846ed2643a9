import type { StockLevelRow, StockMovementRow, StockPage } from '@pos/core/sync/head-office-api';
import { EXPORT_BATCH_ROWS, wordsOf, type CodeWords, type ExportColumn } from '../http/export/export-table';

/** The ledger's kinds and sources, in the back office's words (web/src/i18n/*-stock.ts, stock.kinds and stock.sources). */
const KINDS: CodeWords = {
  sale: { fr: 'Vente', en: 'Sale' },
  return: { fr: 'Retour', en: 'Return' },
  receipt: { fr: 'Réception', en: 'Goods received' },
  transfer_in: { fr: 'Transfert reçu', en: 'Transfer in' },
  transfer_out: { fr: 'Transfert envoyé', en: 'Transfer out' },
  count_adjustment: { fr: 'Inventaire', en: 'Count' },
};
const SOURCES: CodeWords = {
  sales: { fr: 'Ticket', en: 'Receipt' },
  admin: { fr: 'Siège', en: 'Head office' },
  transfer: { fr: 'Transfert', en: 'Transfer' },
};

const PRODUCT_COLUMNS = [
  { key: 'productId', header: { fr: 'Produit', en: 'Product' } },
  { key: 'name', header: { fr: 'Nom', en: 'Name' } },
] as const;

/** The levels table as a file (GET …/stock?format=csv|xlsx). */
export const LEVEL_COLUMNS: readonly ExportColumn<StockLevelRow>[] = [
  ...PRODUCT_COLUMNS,
  { key: 'sku', header: { fr: 'Référence', en: 'Reference' } },
  { key: 'level', header: { fr: 'Stock (pièces ou grammes)', en: 'Stock (pieces or grams)' }, type: 'integer' },
  { key: 'updatedAt', header: { fr: 'Mis à jour (UTC)', en: 'Updated (UTC)' }, type: 'datetime' },
];

/** The movements table as a file (GET …/stock/movements?format=csv|xlsx). */
export const MOVEMENT_COLUMNS: readonly ExportColumn<StockMovementRow>[] = [
  { key: 'createdAt', header: { fr: 'Date (UTC)', en: 'Date (UTC)' }, type: 'datetime' },
  ...PRODUCT_COLUMNS,
  { key: 'kind', header: { fr: 'Type', en: 'Kind' }, value: (m, lang) => wordsOf(KINDS, m.kind, lang) },
  { key: 'quantityDelta', header: { fr: 'Quantité', en: 'Quantity' }, type: 'integer' },
  { key: 'source', header: { fr: 'Origine', en: 'Source' }, value: (m, lang) => wordsOf(SOURCES, m.sourceCollection, lang) },
  { key: 'sourceId', header: { fr: 'Pièce', en: 'Document' } },
  { key: 'movementId', header: { fr: 'Mouvement', en: 'Movement' } },
];

/** Every row of a keyset-paged stock list, EXPORT_BATCH_ROWS at a time, each page its own short query. */
export async function* stockBatches<T>(
  page: (cursor: string | undefined, limit: number) => Promise<StockPage<T>>,
): AsyncGenerator<readonly T[]> {
  let cursor: string | undefined;
  for (;;) {
    const { rows, next } = await page(cursor, EXPORT_BATCH_ROWS);
    if (rows.length > 0) yield rows;
    if (next === null) return;
    cursor = next;
  }
}
