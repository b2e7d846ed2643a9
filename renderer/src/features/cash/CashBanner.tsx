import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { useMaybeServices } from '../../state/services';
import { refreshCashState, showCashScreen, useCashStore } from './cash-store';

/**
 * On the sale screen: when the store wants a cash session and none is open, the offer to open
 * one; when the session is over 24 h (or its count waits for a manager), the offer to close it.
 * Asked again whenever someone signs in.
 */
export function CashBanner() {
  const { t } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  const staffId = useAppStore((s) => s.staff?.id);
  const view = useCashStore((s) => s.view);
  // Drawn from boot on, before the till's services (and its profile) are there.
  const required = useMaybeServices()?.profile.cashSession === 'required';
  useEffect(() => {
    if (phase === 'selling') void refreshCashState();
  }, [phase, staffId]);
  if (phase !== 'selling' || !view) return null;
  if (view.state === 'none' && required)
    return (
      <section className="cash-banner" aria-label={t('cash.title')}>
        <p>{t('cash.banner.none')}</p>
        <button type="button" className="primary" onClick={() => showCashScreen('open')}>
          {t('cash.open.action')}
        </button>
      </section>
    );
  if (view.state === 'none') return null;
  if (view.mustCloseFirst || view.state === 'counted')
    return (
      <section className="cash-banner cash-banner-warn" aria-label={t('cash.title')}>
        <p>{t(view.state === 'counted' ? 'cash.banner.counted' : 'cash.state.tooLong')}</p>
        <button type="button" className="primary" onClick={() => showCashScreen('close')}>
          {t(view.state === 'counted' ? 'cash.close.resumeAction' : 'cash.close.action')}
        </button>
      </section>
    );
  return null;
}
