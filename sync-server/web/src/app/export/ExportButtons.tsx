import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../use-error-text';
import { downloadExport, exportUrl, type ExportFormat, type ExportProgress } from './export-download';
import { saveBlob } from './streamed-fetch';

export type ExportButtonsProps = {
  /** The list route's path under /api/v1/admin, as the page reads the list: `/stores/S1/closings`. */
  readonly path: string;
  /** The list's filters: the file holds the same rows as the list, every page of them (empty values left out). */
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** What the table holds, already translated, in the buttons' accessible names: "Exporter les clôtures en CSV". */
  readonly label: string;
  /** Tests replace the download and the saving; pages leave them out. */
  readonly download?: typeof downloadExport;
  readonly save?: (blob: Blob, fileName: string) => void;
};

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/**
 * CSV and XLSX export of a table, for every page of the back office: the hub streams the file
 * (the list route with `?format=`, sync-server/README.md "Table exports"), this shows a progress
 * bar (rows against X-Total-Rows for CSV, bytes for XLSX), can be cancelled, then saves the file.
 *
 *   <ExportButtons
 *     path={`/stores/${encodeURIComponent(storeId)}/closings`}
 *     query={{ from, to }}
 *     label={t('closings.exportLabel')}
 *   />
 */
export function ExportButtons({ path, query, label, download = downloadExport, save = saveBlob }: ExportButtonsProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const statusId = useId();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const number = new Intl.NumberFormat(i18n.language);
  // Leaving the page cancels a download still running.
  useEffect(() => () => controller.current?.abort(), []);

  const start = async (format: ExportFormat) => {
    const abort = new AbortController();
    controller.current = abort;
    setMessage(null);
    setProgress({ bytes: 0, rows: null, totalRows: null });
    try {
      const file = await download(exportUrl(path, format, i18n.language, query), format, { signal: abort.signal, onProgress: setProgress });
      save(file.blob, file.fileName);
      setMessage({ kind: 'done', text: t('export.done', { fileName: file.fileName }) });
    } catch (error) {
      setMessage(abort.signal.aborted ? { kind: 'done', text: t('export.cancelled') } : { kind: 'error', text: errorText(error) });
    } finally {
      if (controller.current === abort) controller.current = null;
      setProgress(null);
    }
  };

  const progressText = (p: ExportProgress): string => {
    if (p.rows !== null && p.totalRows !== null)
      return t('export.rowsOf', { rows: number.format(p.rows), total: number.format(p.totalRows) });
    if (p.rows !== null) return t('export.rows', { rows: number.format(p.rows) });
    return t('export.bytes', { size: number.format(Math.round(p.bytes / 1024)) });
  };
  const determinate = progress !== null && progress.rows !== null && progress.totalRows !== null && progress.totalRows > 0;

  return (
    <div className="export-buttons" role="group" aria-label={t('export.group', { what: label })}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          disabled={progress !== null}
          aria-label={t('export.as', { what: label, format: t(`export.${format}`) })}
          onClick={() => void start(format)}
        >
          {t(`export.${format}`)}
        </button>
      ))}
      {progress ? (
        <>
          <progress
            aria-label={t('export.progress', { what: label })}
            aria-describedby={statusId}
            {...(determinate ? { max: progress.totalRows!, value: progress.rows! } : {})}
          />
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('export.cancel')}
          </button>
        </>
      ) : null}
      <span id={statusId} role="status">
        {progress ? progressText(progress) : message?.kind === 'done' ? message.text : ''}
      </span>
      {message?.kind === 'error' ? (
        <span role="alert" className="error">
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
