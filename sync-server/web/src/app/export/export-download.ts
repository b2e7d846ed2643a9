import { searchParams } from '../query-string';
import { fetchStreamed } from './streamed-fetch';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * How far an export is: bytes received; for CSV also the rows (lines counted as they arrive),
 * against `totalRows` when the hub sent X-Total-Rows (an XLSX is compressed: bytes only).
 */
export type ExportProgress = { readonly bytes: number; readonly rows: number | null; readonly totalRows: number | null };

export type ExportFile = { readonly blob: Blob; readonly fileName: string };

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The export URL of a list route, by the hub's convention (sync-server/README.md, "Table
 * exports"): the list's own URL with `format` and `lang`, and the list's filters (empty ones left out).
 */
export function exportUrl(
  path: string,
  format: ExportFormat,
  lang: string,
  query: Readonly<Record<string, string | undefined>> = {},
): string {
  const params = searchParams(query);
  params.set('format', format);
  params.set('lang', lang === 'en' ? 'en' : 'fr');
  return `/api/v1/admin${path}?${params}`;
}

/** The name in Content-Disposition (`attachment; filename="closings-S1-2026-12-07.csv"`), else a plain one. */
export function fileNameOf(disposition: string | null, format: ExportFormat): string {
  const name = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return name && /^[A-Za-z0-9._-]+$/.test(name) ? name : `export.${format}`;
}

const LINE_FEED = 0x0a;

/** Downloads an export, reporting progress after each chunk; `signal` cancels it (the promise then rejects). */
export async function downloadExport(
  url: string,
  format: ExportFormat,
  options: { readonly signal?: AbortSignal; readonly onProgress: (progress: ExportProgress) => void; readonly fetchImpl?: typeof fetch },
): Promise<ExportFile> {
  let totalRows: number | null = null;
  let lines = 0;
  const { headers, parts } = await fetchStreamed(url, {
    accept: MEDIA_TYPES[format],
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    onHeaders: (received) => {
      const total = Number(received.get('x-total-rows') ?? NaN);
      totalRows = Number.isSafeInteger(total) && total >= 0 ? total : null;
      options.onProgress({ bytes: 0, rows: format === 'csv' ? 0 : null, totalRows });
    },
    onChunk: (chunk, bytes) => {
      if (format === 'csv') for (const byte of chunk) if (byte === LINE_FEED) lines += 1;
      // The header's line is not a row; a cell holding a line break may count twice: never past the total.
      const rows = format === 'csv' ? Math.max(0, Math.min(lines - 1, totalRows ?? Infinity)) : null;
      options.onProgress({ bytes, rows, totalRows });
    },
  });
  return { blob: new Blob(parts, { type: MEDIA_TYPES[format] }), fileName: fileNameOf(headers.get('content-disposition'), format) };
}
