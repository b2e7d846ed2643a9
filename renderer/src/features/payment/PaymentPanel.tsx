import { parseAmount } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInputText, formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { useStoreProfile } from '../../state/services';
import { useRatesNow } from '../../state/use-rates-now';
import { currentPayment, payCard, payCash } from './payment-actions';
import { TenderList } from './TenderList';

/** Cash with quick amounts and change, card through the terminal, or both (split tender). */
export function PaymentPanel() {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const notify = useAppStore((s) => s.notify);
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
  const [cashText, setCashText] = useState('');
  const [cardText, setCardText] = useState(() => amountInputText(state.remaining, locale));
  const cashInput = useRef<HTMLInputElement>(null);
  // While a card outcome is unknown, nothing else is taken: it may turn out paid.
  const locked = busy || stopped || status === 'sealing' || status === 'seal-pending' || state.hasUnknownCard;

  useEffect(() => {
    setCardText(amountInputText(Math.max(0, state.remaining), locale));
  }, [state.remaining, locale]);
  useEffect(() => {
    cashInput.current?.focus();
  }, []);

  const takeCash = (amount: number | null) => {
    if (amount === null) return notify('error', 'dialogs.invalidAmount');
    setCashText('');
    void payCash(amount);
  };
  const takeCard = () => {
    const amount = parseAmount(cardText);
    if (amount === null) return notify('error', 'dialogs.invalidAmount');
    void payCard(amount);
  };

  return (
    <div className="payment-panel" role="region" aria-label={t('payment.title')}>
      <h2>{t('payment.title')}</h2>
      <dl className="payment-figures">
        <div>
          <dt>{t('payment.due')}</dt>
          <dd>{money(total)}</dd>
        </div>
        <div className="remaining">
          <dt>{t('payment.remaining')}</dt>
          <dd data-testid="remaining">{money(Math.max(0, state.remaining))}</dd>
        </div>
        {state.cashDue !== state.remaining && state.remaining > 0 && (
          // The store rounds cash (5 cents…): what the customer hands over is not the amount due.
          <div>
            <dt>{t('payment.cashDue')}</dt>
            <dd>{money(state.cashDue)}</dd>
          </div>
        )}
        {state.change > 0 && (
          <div>
            <dt>{t('payment.change')}</dt>
            <dd>{money(state.change)}</dd>
          </div>
        )}
      </dl>
      <TenderList tenders={tenders} currency={currency} locale={locale} />
      {status === 'sealing' && <p role="status">{t('payment.sealing')}</p>}
      {status === 'seal-pending' && <p role="alert">{t('payment.sealPending')}</p>}
      {busy && <p role="status">{t('payment.waitingTerminal')}</p>}

      <form
        className="cash-form"
        onSubmit={(e) => {
          e.preventDefault();
          takeCash(cashText.trim() === '' ? state.cashDue : parseAmount(cashText));
        }}
      >
        <label>
          <span>{t('payment.tendered')}</span>
          <input ref={cashInput} inputMode="decimal" value={cashText} disabled={locked} onChange={(e) => setCashText(e.target.value)} />
        </label>
        <div className="quick-cash">
          <button type="button" disabled={locked} onClick={() => takeCash(state.cashDue)}>
            {t('payment.exact')}
          </button>
          {profile.quickCashAmounts.map((amount) => (
            <button key={amount} type="button" disabled={locked} onClick={() => takeCash(amount)}>
              {money(amount)}
            </button>
          ))}
        </div>
        <button type="submit" disabled={locked}>
          {t('payment.addCash')}
        </button>
      </form>

      <form
        className="card-form"
        onSubmit={(e) => {
          e.preventDefault();
          takeCard();
        }}
      >
        <label>
          <span>{t('payment.cardAmount')}</span>
          <input inputMode="decimal" value={cardText} disabled={locked} onChange={(e) => setCardText(e.target.value)} />
        </label>
        <button type="submit" disabled={locked}>
          {t('payment.payCard')}
        </button>
      </form>
      <button type="button" className="back" disabled={locked} onClick={() => setPanel('search')}>
        {t('actions.back')}
      </button>
    </div>
  );
}
