import { parse } from 'csv-parse/sync';
import type { ImportRowError } from '@pos/core/sync/head-office-api';

/** One record of the file: `row` as a spreadsheet shows it (the header is row 1, blank lines count). */
export type CsvRow = { readonly row: number; readonly cells: readonly string[] };

export type CsvTable = { readonly delimiter: string; readonly header: readonly string[]; readonly rows: readonly CsvRow[] };

export type CsvReadResult =
  { readonly ok: true; readonly table: CsvTable } | { readonly ok: false; readonly errors: readonly ImportRowError[] };

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Text of a file as spreadsheets save it: UTF-8 (with or without a byte order mark), UTF-16 with
 * its mark ("Unicode text"), or — what French Excel writes for "CSV (point-virgule)" — Windows-1252,
 * recognised by not being valid UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // The decoder drops a UTF-8 byte order mark by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The separator is read from the header line alone: column names contain none, whereas data do
 * (a decimal comma in a price, a comma in a name), which fools guessing over the whole file.
 */
export function detectDelimiter(text: string): string {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best: string = DELIMITERS[0];
  let bestCount = -1;
  for (const d of DELIMITERS) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Parses the whole file (bytes, or text already decoded), or says where it cannot be read (an unclosed quote…), by row. */
export function readCsv(file: Uint8Array | string): CsvReadResult {
  const text = (typeof file === 'string' ? file : decodeCsv(file)).replace(/^\uFEFF/, '');
  if (text.trim() === '')
    return { ok: false, errors: [{ row: 1, column: '', message: 'The file is empty: a header line is expected', code: 'empty_file' }] };
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    const failure = error as Error & { lines?: number };
    return {
      ok: false,
      errors: [
        {
          row: failure.lines ?? 1,
          column: '',
          message: `The file cannot be read as CSV near line ${failure.lines ?? '?'}: ${failure.message}`,
          code: 'unreadable_csv',
          params: { line: String(failure.lines ?? '?') },
        },
      ],
    };
  }
  const [header = [], ...data] = records;
  return {
    ok: true,
    table: {
      delimiter,
      header: header.map((h) => h.trim()),
      rows: data.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })),
    },
  };
}
