import type { CashSessionView } from '@pos/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { staffName } from '../../state/services';
import { seesManagerScreens } from './cash-rights';
import { refreshCashState, showCashScreen, useCashStore, type CashScreen } from './cash-store';
import { CashDialog } from './CashDialog';
import { businessDateLabel } from './money-words';

function SessionState({ view }: { view: CashSessionView | null }) {
  const { t } = useTranslation();
  const { dateTime } = useStoreDates();
  const locale = intlLocale(useAppStore((s) => s.locale));
  if (!view) return <p>{t('cash.state.unknown')}</p>;
  if (view.state === 'none') return <p>{t('cash.state.none')}</p>;
  return (
    <>
      <p>
        {t(view.state === 'counted' ? 'cash.state.counted' : 'cash.state.open', {
          openedAt: dateTime(view.openedAt),
          name: staffName(view.openedBy),
          date: businessDateLabel(view.businessDate, locale),
        })}
      </p>
      <p>
        {t('cash.state.float', { float: formatMoney(view.float, view.currency, locale) })}{' '}
        {t('cash.state.movements', { count: view.movementCount })}
      </p>
      {view.mustCloseFirst && (
        <p role="alert" className="form-error">
          {t('cash.state.tooLong')}
        </p>
      )}
    </>
  );
}

/** The "Caisse" screen: where the till's cash session stands, and what can be done with it now. */
export function CashHome() {
  const { t } = useTranslation();
  const view = useCashStore((s) => s.view);
  const staff = useAppStore((s) => s.staff);
  useEffect(() => void refreshCashState(), []);
  const manager = seesManagerScreens(staff);
  const state = view?.state;
  const go = (screen: CashScreen) => () => showCashScreen(screen);
  return (
    <CashDialog title={t('cash.title')} closeLabel={t('actions.close')} onClose={() => showCashScreen(null)}>
      <SessionState view={view} />
      <div className="cash-actions cash-menu">
        {state === 'none' && (
          <button type="button" className="primary" onClick={go('open')}>
            {t('cash.open.action')}
          </button>
        )}
        {state === 'open' && !view?.mustCloseFirst && (
          <button type="button" onClick={go('move')}>
            {t('cash.move.action')}
          </button>
        )}
        {state === 'open' && manager && (
          <button type="button" onClick={go('x')}>
            {t('cash.x.action')}
          </button>
        )}
        {(state === 'open' || state === 'counted') && (
          <button type="button" onClick={go('close')}>
            {t(state === 'counted' ? 'cash.close.resumeAction' : 'cash.close.action')}
          </button>
        )}
        {manager && (
          <button type="button" onClick={go('closings')}>
            {t('cash.closings.action')}
          </button>
        )}
      </div>
    </CashDialog>
  );
}
