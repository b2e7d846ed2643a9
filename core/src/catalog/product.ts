/**
 * A catalog product as the till stores it (Dexie, indexed on `barcodes` and `words`). The catalog
 * is edited at the hub; the till only reads it, by index, never in full.
 */
export type Product = {
  readonly id: string;
  /** Store reference, in capitals (searched by prefix as typed, in any case). */
  readonly sku: string;
  readonly name: string;
  /** Normalised GTINs and internal codes; several per product are common (pack sizes, old labels). */
  readonly barcodes: readonly string[];
  /** Lowercase, accent-free words of the name, for prefix search on any word. */
  readonly words: readonly string[];
  /** VAT-inclusive price in minor units: per piece, or per kilogram when `measure` is 'weight'. */
  readonly price: number;
  readonly currency: string;
  readonly vatRateId: string;
  readonly measure: 'unit' | 'weight';
  readonly category: string;
  /** Set when the product is withdrawn: still found by code (old receipts, returns), not sellable. */
  readonly disabled?: boolean;
  /**
   * A service (prestation de services) rather than goods: a sale with 25 € TTC or more of them
   * always gets its paper note (see service-note.ts). Absent for goods, never `false`.
   */
  readonly service?: true;
};

/** Folds case and accents so "Pâté" is found by "pate"; keeps digits. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function searchWords(name: string): string[] {
  const words = normalizeSearchText(name)
    .split(' ')
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}
