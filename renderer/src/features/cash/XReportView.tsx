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

/** The X report: the session's figures now, nothing reset; on screen only (the host prints Z reports). */
export function XReportView() {
  const { t } = useTranslation();
  const { dateTime } = useStoreDates();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [report, setReport] = useState<SessionXReport | null>(null);
  const [error, setError] = useState<Message | null>(null);
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
          <ReportFigures report={report} />
        </>
      )}
    </CashDialog>
  );
}
