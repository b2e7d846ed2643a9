import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore, type Message } from '../../state/app-store';
import { services, useStoreProfile } from '../../state/services';
import { cashErrorMessage } from './cash-words';
import { refreshCashState, showCashScreen } from './cash-store';
import { CashDialog } from './CashDialog';
import { countEntry, type QuantityTexts } from './count-entry';
import { DenominationGrid } from './DenominationGrid';

/** The float counted by note and coin, then the session opens (the host seals it). */
export function OpenSessionDialog() {
  const { t } = useTranslation();
  const { currency } = useStoreProfile();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [texts, setTexts] = useState<QuantityTexts>({});
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const entry = countEntry(texts, currency);
  return (
    <CashDialog
      title={t('cash.open.title')}
      className="cash-count-dialog"
      onClose={() => showCashScreen('home')}
      submitLabel={t('cash.open.submit')}
      submitDisabled={busy || !entry.ok}
      error={error && t(error.key, error.values ?? {})}
      onSubmit={() => {
        if (!entry.ok) return;
        setBusy(true);
        setError(null);
        services()
          .bridge.invoke('cash.open', { count: entry.count })
          .then(
            async (view) => {
              useAppStore.getState().notify('success', 'cash.open.done', {
                float: formatMoney(view.state === 'none' ? entry.total : view.float, currency, locale),
              });
              await refreshCashState();
              showCashScreen(null);
            },
            (e: unknown) => setError(cashErrorMessage(e)),
          )
          .finally(() => setBusy(false));
      }}
    >
      <p className="cash-hint">{t('cash.open.hint')}</p>
      <DenominationGrid currency={currency} texts={texts} onChange={setTexts} />
    </CashDialog>
  );
}
