import type { ArchiveProgress, ArchiveResult } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore, type Message } from '../../state/app-store';
import { services, useStoreProfile } from '../../state/services';
import { downloadArchive } from './archive-download';
import { archiveDates, type ArchiveKind } from './archive-period';
import { cashErrorMessage } from './cash-words';
import { defaultPeriod, shiftPeriod } from './period';

const KINDS: readonly ArchiveKind[] = ['month', 'year'];

/** The archive made, ready to save: its name and the page's link to its bytes (let go with it). */
type Saved = { readonly result: ArchiveResult; readonly url: string };

/**
 * A manager archives a month or a fiscal year of this till's journal (the host checks the right
 * again, writes the signed zip and seals its JET event): a progress bar while the host reads the
 * journal, then a link that saves the zip.
 */
export function ArchiveSection() {
  const { t } = useTranslation();
  const profile = useStoreProfile();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [kind, setKind] = useState<ArchiveKind>('month');
  const [period, setPeriod] = useState(() => defaultPeriod('month', new Date().toISOString(), profile.timeZone, profile.dayStartHour));
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ArchiveProgress | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<Message | null>(null);
  useEffect(() => services().bridge.on('archive.progress', setProgress), []);
  useEffect(() => (saved ? () => URL.revokeObjectURL(saved.url) : undefined), [saved]);

  const choose = (next: ArchiveKind) => {
    setKind(next);
    setPeriod(defaultPeriod(next, new Date().toISOString(), profile.timeZone, profile.dayStartHour));
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    setProgress(null);
    const { bridge } = services();
    let off: () => void = () => undefined;
    const done = new Promise<ArchiveResult>((resolve) => {
      off = bridge.on('archive.progress', (p) => p.done && resolve(p.done));
    });
    try {
      const result = await bridge
        .invoke('archive.create', archiveDates(kind, period, profile.fiscalYearStartMonth ?? 1))
        .catch((e: unknown) => {
          // The browser's bridge gives up on an answer after 30 s; a long archive goes on and says when it is made.
          if ((e as { code?: unknown } | null)?.code === 'TIMEOUT') return done;
          throw e;
        });
      setSaved({ result, url: URL.createObjectURL(await downloadArchive(result.file)) });
    } catch (e) {
      setError(cashErrorMessage(e));
    } finally {
      off();
      setBusy(false);
    }
  };
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  return (
    <section className="archive-section" aria-label={t('cash.archive.title')}>
      <h3>{t('cash.archive.title')}</h3>
      <p className="cash-hint">{t('cash.archive.hint')}</p>
      <div role="group" aria-label={t('cash.archive.kindLabel')} className="segmented">
        {KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} disabled={busy} onClick={() => choose(k)}>
            {t(`cash.archive.kind.${k}`)}
          </button>
        ))}
      </div>
      <div className="closing-period">
        <button
          type="button"
          aria-label={t('cash.archive.previous')}
          disabled={busy}
          onClick={() => setPeriod(shiftPeriod(kind, period, -1))}
        >
          ‹
        </button>
        <output aria-label={t('cash.archive.period')}>{period}</output>
        <button type="button" aria-label={t('cash.archive.next')} disabled={busy} onClick={() => setPeriod(shiftPeriod(kind, period, 1))}>
          ›
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {t('cash.archive.run', { period })}
        </button>
      </div>
      {busy && (
        <p role="status">
          {progress ? (
            <>
              <progress value={progress.records} max={Math.max(1, progress.total)} aria-label={t('cash.archive.title')} />{' '}
              {t('cash.archive.progress', { records: count(progress.records), total: count(progress.total) })}
            </>
          ) : (
            t('cash.archive.downloading')
          )}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {t(error.key, error.values ?? {})}
        </p>
      )}
      {saved && (
        <div className="cash-actions">
          <p role="status" className="cash-outcome">
            {t('cash.archive.done', { records: count(saved.result.records), keyId: saved.result.keyId })}
          </p>
          <a className="button-link" href={saved.url} download={saved.result.file}>
            {t('cash.archive.save', { name: saved.result.file })}
          </a>
        </div>
      )}
    </section>
  );
}
