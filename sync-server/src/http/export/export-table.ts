/**
 * What a table export is made of, whatever its format: columns (a key, a header in French and in
 * English, a type) and the rows, read in batches (keyset pages) so a million rows never sit in
 * memory. csv-writer.ts and xlsx-writer.ts write it; send-export.ts sends it.
 */
export type ExportFormat = 'csv' | 'xlsx';
export type ExportLanguage = 'fr' | 'en';
export type ExportCell = string | number | null;

export type ExportColumn<Row> = {
  readonly key: string;
  readonly header: { readonly fr: string; readonly en: string };
  /**
   * text (the default; CSV guards it against formula injection), integer, money (an integer of
   * cents, written in units with two decimals) or datetime (an ISO instant; a date in XLSX).
   */
  readonly type?: 'text' | 'integer' | 'money' | 'datetime';
  /** The cell (words in `lang` where it has some: a status, a kind); by default the row's property named `key`. */
  readonly value?: (row: Row, lang: ExportLanguage) => ExportCell;
};

/** A table ready to write: its columns in `lang`, and its rows as they come. */
export type ExportTable<Row> = {
  readonly columns: readonly ExportColumn<Row>[];
  readonly batches: AsyncIterable<readonly Row[]>;
  readonly lang: ExportLanguage;
};

/** Rows per keyset page: small enough to stream early, large enough to keep the database's round trips few. */
export const EXPORT_BATCH_ROWS = 1000;

export function cellOf<Row>(column: ExportColumn<Row>, row: Row, lang: ExportLanguage): ExportCell {
  if (column.value) return column.value(row, lang);
  const value = (row as Record<string, unknown>)[column.key];
  return typeof value === 'string' || typeof value === 'number' ? value : value === null || value === undefined ? null : String(value);
}

/**
 * Every row of a keyset-paginated query, a page at a time: `page(after, limit)` returns the rows
 * after the key `after` (null: from the start) in key order. Each page is its own short query (no
 * transaction held open while a slow client downloads): rows written meanwhile may or may not be
 * in the file, as with paging through the list.
 */
export async function* keysetBatches<Row, Key>(
  page: (after: Key | null, limit: number) => Promise<readonly Row[]>,
  keyOf: (row: Row) => Key,
  size = EXPORT_BATCH_ROWS,
): AsyncGenerator<readonly Row[]> {
  let after: Key | null = null;
  for (;;) {
    const rows = await page(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/** The language asked by `?lang=`, else the first of fr or en in Accept-Language (by its q weights), else French. */
export function exportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ExportLanguage {
  if (lang === 'fr' || lang === 'en') return lang;
  const tags = (acceptLanguage ?? '')
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((t) => t.q > 0 && (t.language === 'fr' || t.language === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return tags[0]?.language === 'en' ? 'en' : 'fr';
}

/** Words in both languages for each code of a column (a status, a kind). */
export type CodeWords = Readonly<Record<string, { readonly fr: string; readonly en: string }>>;

/** A code's words in the export's language; the code itself when the table has none. */
export function wordsOf(words: CodeWords, code: string, lang: ExportLanguage): string {
  return Object.hasOwn(words, code) ? words[code]![lang] : code;
}

/**
 * A table read whole, as one batch: only for a table a hard limit keeps small (a store's staff,
 * at most 2,000 people). Anything that grows with sales or time goes through keysetBatches.
 */
export async function* singleBatch<Row>(load: () => Promise<readonly Row[]>): AsyncGenerator<readonly Row[]> {
  const rows = await load();
  if (rows.length > 0) yield rows;
}
