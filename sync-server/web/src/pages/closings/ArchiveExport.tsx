import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../app/export/streamed-fetch';
import { Field } from '../../app/Field';
import { useErrorText } from '../../app/use-error-text';
import { downloadArchive, periodProblem, type Progress } from './archive-download';
import { useFormat } from './format';

export type ArchiveDownloader = typeof downloadArchive;

/** Tests replace the download and the saving; the page uses the real ones. */
export type ArchiveOptions = {
  readonly download?: ArchiveDownloader;
  /** Hands the finished zip to the browser (an object URL clicked). */
  readonly save?: (blob: Blob, fileName: string) => void;
};

type Props = { readonly storeId: string } & ArchiveOptions;

/** The signed fiscal archive of a period (at most twelve months), downloaded with a progress bar, then saved. */
export function ArchiveExport({ storeId, download = downloadArchive, save = saveBlob }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useFormat();
  const statusId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const busy = progress !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = periodProblem(from, to);
    if (problem) {
      setMessage({ kind: 'error', text: t(`closings.archive.${problem}`) });
      return;
    }
    setMessage(null);
    setProgress({ received: 0, total: null });
    try {
      const query = new URLSearchParams({ from, to });
      const blob = await download(`/api/v1/admin/stores/${encodeURIComponent(storeId)}/archive?${query}`, setProgress);
      save(blob, `archive-${storeId}-${from}-${to}.zip`);
      setMessage({ kind: 'done', text: t('closings.archive.done', { size: format.number(blob.size) }) });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="archive-form">
      <p>{t('closings.archive.help')}</p>
      <Field label={t('closings.archive.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
      <Field label={t('closings.archive.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
      <button type="submit" disabled={busy}>
        {busy ? t('closings.archive.downloading') : t('closings.archive.submit')}
      </button>
      {progress ? (
        <div>
          <progress
            aria-describedby={statusId}
            aria-label={t('closings.archive.progress')}
            {...(progress.total ? { max: progress.total, value: progress.received } : {})}
          />
          <p id={statusId} role="status">
            {progress.total
              ? t('closings.archive.receivedOf', { received: format.number(progress.received), total: format.number(progress.total) })
              : t('closings.archive.received', { received: format.number(progress.received) })}
          </p>
        </div>
      ) : null}
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : undefined}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
