import { parseAmount } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInputText } from '../../i18n/format';
import { useAppStore } from '../../state/app-store';
import { payCard } from './payment-actions';

/** The card: what is left to pay by default, or less for a split tender. */
export function CardForm({ remaining, locale, locked }: { remaining: number; locale: string; locked: boolean }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [cardText, setCardText] = useState(() => amountInputText(remaining, locale));
  useEffect(() => {
    setCardText(amountInputText(Math.max(0, remaining), locale));
  }, [remaining, locale]);

  return (
    <form
      className="card-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amount = parseAmount(cardText);
        if (amount === null) return notify('error', 'dialogs.invalidAmount');
        void payCard(amount);
      }}
    >
      <fieldset disabled={locked}>
        <label>
          {/* Beside its "Pay by card" button the field needs no visible title: one row fits a 768 px screen. */}
          <span className="visually-hidden">{t('payment.cardAmount')}</span>
          <input inputMode="decimal" value={cardText} disabled={locked} onChange={(e) => setCardText(e.target.value)} />
        </label>
        <button type="submit" className="tender-button" disabled={locked}>
          {t('payment.payCard')}
        </button>
      </fieldset>
    </form>
  );
}
