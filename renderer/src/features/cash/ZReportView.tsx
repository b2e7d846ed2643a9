import type { DownloadFile, ZReportView as ZReport } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore, type Message } from '../../state/app-store';
import { services, staffName } from '../../state/services';
import { cashErrorMessage } from './cash-words';
import { downloadUrl } from './download';
import { businessDateLabel } from './money-words';
import { ReportFigures, VarianceTable } from './ReportFigures';

/** A saved PDF: the link stays so it can be saved again; its URL is let go with it. */
function useFileLink(file: DownloadFile | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    const next = downloadUrl(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}

/** The Z report as sealed: its number, the counts and variances, the figures; printed or saved as a PDF on request. */
export function ZReportView({ z }: { z: ZReport }) {
  const { t } = useTranslation();
  const { dateTime } = useStoreDates();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [outcome, setOutcome] = useState<Message | null>(null);
  const [file, setFile] = useState<DownloadFile | null>(null);
  const url = useFileLink(file);
  const { figures } = z;
  const seq = z.record.seq;
  const run = (what: 'print' | 'pdf') => {
    setBusy(what);
    setOutcome(null);
    const { bridge } = services();
    const done =
      what === 'print'
        ? bridge.invoke('closing.print', { seq }).then((r) => setOutcome({ key: r.printed ? 'cash.z.printed' : 'cash.z.notPrinted' }))
        : bridge.invoke('closing.pdf', { seq }).then(setFile);
    void done.catch((e: unknown) => setOutcome(cashErrorMessage(e))).finally(() => setBusy(null));
  };
  return (
    <section className="z-report" aria-label={t('cash.z.title', { number: z.zNumber })}>
      <h3>{t('cash.z.title', { number: z.zNumber })}</h3>
      <p className="cash-hint">
        {t('cash.z.closed', {
          date: businessDateLabel(figures.businessDate, locale),
          closedAt: dateTime(figures.closedAt),
          name: staffName(figures.closedBy),
        })}
      </p>
      <div className="cash-actions">
        <button type="button" disabled={busy !== null} onClick={() => run('print')}>
          {t('cash.z.print')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => run('pdf')}>
          {t('cash.z.pdf')}
        </button>
        {file && url && (
          <a className="button-link" href={url} download={file.filename}>
            {t('cash.z.save', { name: file.filename })}
          </a>
        )}
      </div>
      {outcome && (
        <p role="status" className="cash-outcome">
          {t(outcome.key, outcome.values ?? {})}
        </p>
      )}
      <VarianceTable tenders={figures.tenders} currency={figures.currency} limit={figures.varianceLimit} />
      {figures.approval && (
        <p>
          {t('cash.z.approval', {
            name: staffName(figures.approval.approvedBy),
            reason: figures.approval.reason,
          })}
        </p>
      )}
      {figures.differences.length > 0 && (
        <ul className="z-differences">
          {figures.differences.map((d) => (
            <li key={d.method}>
              {t('cash.z.difference', {
                tender: t(`cash.tenders.${d.method}`, { defaultValue: d.method }),
                sealed: formatMoney(d.sealed, figures.currency, locale),
                recomputed: formatMoney(d.recomputed, figures.currency, locale),
              })}
            </li>
          ))}
        </ul>
      )}
      <ReportFigures report={figures} />
    </section>
  );
}
