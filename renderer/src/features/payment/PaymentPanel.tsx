import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { services, useStoreProfile } from '../../state/services';
import { useRatesNow } from '../../state/use-rates-now';
import { CardForm } from './CardForm';
import { CashForm } from './CashForm';
import { currentPayment, followTerminalProgress } from './payment-actions';
import { StoredValueForm } from './StoredValueForm';
import { TenderList } from './TenderList';
import './payment.css';

/**
 * The payment screen for a touch till: the amount due in large type, cash by keypad or one tap on
 * a note, the card through the terminal (what it asks the customer while it works), or both.
 */
export function PaymentPanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const setPanel = useAppStore((s) => s.setPanel);
  const tenders = useCartStore((s) => s.tenders);
  const status = useCartStore((s) => s.status);
  const busy = useCartStore((s) => s.terminalBusy);
  const stopped = useAppStore((s) => s.fiscal.state === 'stopped');
  // Subscriptions only: the figures below are read when any of these change (cart, store settings, rates in force).
  useCartStore((s) => s.cart);
  useRatesNow();
  const profile = useStoreProfile();
  const { total, state } = currentPayment();
  const currency = profile.currency;
  const money = (amount: number) => formatMoney(amount, currency, locale);
  // While a card outcome is unknown, nothing else is taken: it may turn out paid.
  const locked = busy || stopped || status === 'sealing' || status === 'seal-pending' || state.hasUnknownCard;
  const remaining = Math.max(0, state.remaining);

  useEffect(() => services().bridge.on('terminal.progress', (progress) => void followTerminalProgress(progress)), []);

  return (
    <div className="payment-panel" role="region" aria-label={t('payment.title')}>
      {/* Named for assistive technology; on screen the amount due says it all (room for the card row at 768 px). */}
      <h2 className="visually-hidden">{t('payment.title')}</h2>
      <dl className="payment-figures">
        <div className="due">
          <dt>{t('payment.due')}</dt>
          <dd>{money(total)}</dd>
        </div>
        <div className="remaining">
          <dt>{t('payment.remaining')}</dt>
          <dd data-testid="remaining">{money(remaining)}</dd>
        </div>
        {state.cashDue !== state.remaining && state.remaining > 0 && (
          // The store rounds cash (5 cents…): what the customer hands over is not the amount due.
          <div>
            <dt>{t('payment.cashDue')}</dt>
            <dd>{money(state.cashDue)}</dd>
          </div>
        )}
        {state.change > 0 && (
          <div className="change">
            <dt>{t('payment.change')}</dt>
            <dd>{money(state.change)}</dd>
          </div>
        )}
      </dl>
      <TenderList tenders={tenders} currency={currency} locale={locale} />
      {status === 'sealing' && <p role="status">{t('payment.sealing')}</p>}
      {status === 'seal-pending' && <p role="alert">{t('payment.sealPending')}</p>}
      <CashForm cashDue={state.cashDue} currency={currency} storeAmounts={profile.quickCashAmounts} locked={locked} money={money} />
      <StoredValueForm remaining={remaining} locked={locked} money={money} />
      <div className="payment-footer">
        <button type="button" className="back" disabled={locked} onClick={() => setPanel('search')}>
          {t('actions.back')}
        </button>
        <CardForm remaining={remaining} locale={locale} locked={locked} />
      </div>
    </div>
  );
}
