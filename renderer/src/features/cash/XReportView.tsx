import type { SessionXReport } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore, type Message } from '../../state/app-store';
import { services, staffName } from '../../state/services';
import { cashErrorMessage } from './cash-words';
import { showCashScreen } from './cash-store';
import { CashDialog } from './CashDialog';
import { businessDateLabel } from './money-words';
import { ReportFigures } from './ReportFigures';

/**
 * The X report: the session's figures now, nothing reset. Printing asks the host for its own X
 * (computed from its journal, not these figures); nothing is sealed.
 */
export function XReportView() {
  const { t } = useTranslation();
  const { dateTime } = useStoreDates();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [report, setReport] = useState<SessionXReport | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [printing, setPrinting] = useState(false);
  const [outcome, setOutcome] = useState<Message | null>(null);
  const print = () => {
    setPrinting(true);
    setOutcome(null);
    void services()
      .bridge.invoke('cash.printX')
      .then((r) => setOutcome({ key: r.printed ? 'cash.x.printed' : 'cash.x.notPrinted' }))
      .catch((e: unknown) => setOutcome(cashErrorMessage(e)))
      .finally(() => setPrinting(false));
  };
  useEffect(() => {
    let live = true;
    services()
      .bridge.invoke('cash.x')
      .then(
        (x) => live && setReport(x),
        (e: unknown) => live && setError(cashErrorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, []);
  return (
    <CashDialog
      title={t('cash.x.title')}
      className="cash-report-dialog"
      closeLabel={t('actions.back')}
      onClose={() => showCashScreen('home')}
      error={error && t(error.key, error.values ?? {})}
    >
      {!report && !error && <p role="status">{t('cash.loading')}</p>}
      {report && (
        <>
          <p className="cash-hint">
            {t('cash.x.session', {
              date: businessDateLabel(report.businessDate, locale),
              openedAt: dateTime(report.openedAt),
              name: staffName(report.openedBy),
            })}
          </p>
          <div className="cash-actions">
            <button type="button" disabled={printing} onClick={print}>
              {t('cash.x.print')}
            </button>
          </div>
          {outcome && (
            <p role="status" className="cash-outcome">
              {t(outcome.key, outcome.values ?? {})}
            </p>
          )}
          <ReportFigures report={report} />
        </>
      )}
    </CashDialog>
  );
}
