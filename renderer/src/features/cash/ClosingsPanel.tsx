import type { ClosingKind, ClosingSummary } from '@pos/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore, type Message } from '../../state/app-store';
import { services, useStoreProfile } from '../../state/services';
import { cashErrorMessage } from './cash-words';
import { showCashScreen } from './cash-store';
import { ArchiveSection } from './ArchiveSection';
import { CashDialog } from './CashDialog';
import { FigureTable } from './FigureTable';
import { defaultPeriod, shiftPeriod } from './period';

const KINDS: readonly ClosingKind[] = ['day', 'month', 'year'];
const LISTED = 30;

/** The manager's fiscal closings: the last ones sealed (Z and periods), and a day, month or year to seal. */
export function ClosingsPanel() {
  const { t } = useTranslation();
  const profile = useStoreProfile();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const { dateTime } = useStoreDates();
  const [list, setList] = useState<readonly ClosingSummary[] | null>(null);
  const [kind, setKind] = useState<ClosingKind>('day');
  const [period, setPeriod] = useState(() => defaultPeriod('day', new Date().toISOString(), profile.timeZone, profile.dayStartHour));
  const [message, setMessage] = useState<{ level: 'error' | 'success'; text: Message } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () =>
      services()
        .bridge.invoke('closing.list', { limit: LISTED })
        .then(setList, (e: unknown) => setMessage({ level: 'error', text: cashErrorMessage(e) })),
    [],
  );
  useEffect(() => void load(), [load]);
  const choose = (next: ClosingKind) => {
    setKind(next);
    setPeriod(defaultPeriod(next, new Date().toISOString(), profile.timeZone, profile.dayStartHour));
  };
  const run = () => {
    setBusy(true);
    setMessage(null);
    services()
      .bridge.invoke('closing.run', { kind, period })
      .then(
        async (sealed) => {
          setMessage({ level: 'success', text: { key: 'cash.closings.sealed', values: { count: sealed.length } } });
          await load();
        },
        (e: unknown) => setMessage({ level: 'error', text: cashErrorMessage(e) }),
      )
      .finally(() => setBusy(false));
  };
  const label = (c: ClosingSummary) => (c.kind === 'z' ? t('cash.closings.z', { number: c.label }) : t(`cash.closings.kind.${c.kind}`));
  return (
    <CashDialog
      title={t('cash.closings.title')}
      className="cash-report-dialog"
      closeLabel={t('actions.back')}
      onClose={() => showCashScreen('home')}
    >
      <div role="group" aria-label={t('cash.closings.kindLabel')} className="segmented">
        {KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} onClick={() => choose(k)}>
            {t(`cash.closings.run.${k}`)}
          </button>
        ))}
      </div>
      <div className="closing-period">
        <button type="button" aria-label={t('cash.closings.previous')} onClick={() => setPeriod(shiftPeriod(kind, period, -1))}>
          ‹
        </button>
        <output aria-label={t('cash.closings.period')}>{period}</output>
        <button type="button" aria-label={t('cash.closings.next')} onClick={() => setPeriod(shiftPeriod(kind, period, 1))}>
          ›
        </button>
        <button type="button" className="primary" disabled={busy} onClick={run}>
          {t('cash.closings.seal', { period })}
        </button>
      </div>
      {message && (
        <p role={message.level === 'error' ? 'alert' : 'status'} className={message.level === 'error' ? 'form-error' : 'cash-outcome'}>
          {t(message.text.key, message.text.values ?? {})}
        </p>
      )}
      {list === null && !message && <p role="status">{t('cash.loading')}</p>}
      {list?.length === 0 && <p>{t('cash.closings.none')}</p>}
      {list && (
        <FigureTable
          caption={t('cash.closings.listed')}
          columns={[t('cash.closings.what'), t('cash.closings.period'), t('cash.closings.sealedAt'), t('cash.report.netTotal')]}
          rows={list.map((c) => ({
            key: `${c.kind}-${c.seq}`,
            head: label(c),
            cells: [c.kind === 'z' ? '' : c.label, dateTime(c.sealedAt), formatMoney(c.total, c.currency, locale)],
          }))}
        />
      )}
      <ArchiveSection />
    </CashDialog>
  );
}
