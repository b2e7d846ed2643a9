import { cellOf, type ExportCell, type ExportColumn, type ExportLanguage, type ExportTable } from './export-table';

/**
 * The CSV dialect follows the export's language, as Excel reads CSV by the computer's regional
 * settings: French Excel expects `;` between cells because its decimal separator is the comma
 * (12,50), English Excel `,` and a decimal point. A file saved in French opens in columns on a
 * French computer, an English one on an English computer.
 */
export const CSV_DIALECTS: Readonly<Record<ExportLanguage, { readonly separator: string; readonly decimal: string }>> = {
  fr: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

/** UTF-8's byte order mark: without it Excel reads the file as Windows-1252 and breaks every accent. */
export const UTF8_BOM = '\uFEFF';

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, guarded (a leading apostrophe keeps a would-be formula as text) and quoted as RFC 4180 says. */
export function csvText(text: string, separator: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvCell<Row>(column: ExportColumn<Row>, value: ExportCell, lang: ExportLanguage): string {
  const { separator, decimal } = CSV_DIALECTS[lang];
  if (value === null) return '';
  if (typeof value === 'number' && column.type === 'money') return (value / 100).toFixed(2).replace('.', decimal);
  if (typeof value === 'number') return String(value).replace('.', decimal);
  return csvText(value, separator);
}

/** The file, a buffer per batch of rows: the byte order mark and header first, lines ended by CRLF (RFC 4180). */
export async function* csvChunks<Row>(table: ExportTable<Row>): AsyncGenerator<Buffer> {
  const { columns, lang } = table;
  const { separator } = CSV_DIALECTS[lang];
  yield Buffer.from(`${UTF8_BOM}${columns.map((c) => csvText(c.header[lang], separator)).join(separator)}\r\n`, 'utf8');
  for await (const batch of table.batches) {
    let text = '';
    for (const row of batch) text += `${columns.map((c) => csvCell(c, cellOf(c, row, lang), lang)).join(separator)}\r\n`;
    yield Buffer.from(text, 'utf8');
  }
}
