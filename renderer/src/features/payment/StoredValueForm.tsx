import type { StoredValueCardView } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupStoredValue, payStoredValue } from './stored-value-actions';
import { completeIfPaid } from './payment-actions';

/**
 * "Carte cadeau / Avoir": the code scanned or typed, the card's balance from the hub, then one tap
 * pays what it holds up to what is left (the host reserves that amount first). Online only: the
 * notice says so when the hub cannot be reached.
 */
export function StoredValueForm({ remaining, locked, money }: { remaining: number; locked: boolean; money: (amount: number) => string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [card, setCard] = useState<StoredValueCardView | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setOpen(false);
    setCode('');
    setCard(null);
  };
  if (!open)
    return (
      <button type="button" className="tender-button stored-value-open" disabled={locked || remaining <= 0} onClick={() => setOpen(true)}>
        {t('payment.storedValue.open')}
      </button>
    );
  const kind = card ? t(`payment.${card.kind === 'gift_card' ? 'giftCard' : 'storeCredit'}`) : '';
  const pays = card ? Math.min(card.available, remaining) : 0;
  return (
    <form
      className="stored-value-form"
      aria-label={t('payment.storedValue.open')}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void (async () => {
          if (!card) setCard(await lookupStoredValue(code));
          else if (await payStoredValue(code, card)) {
            reset();
            await completeIfPaid();
          }
          setBusy(false);
        })();
      }}
    >
      <fieldset disabled={locked || busy}>
        <label>
          <span>{t('payment.storedValue.code')}</span>
          <input
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setCard(null);
            }}
          />
        </label>
        {card && (
          <p role="status" className="stored-value-balance">
            {t('payment.storedValue.balance', { kind, code: card.maskedCode, amount: money(card.available) })}
          </p>
        )}
        <button type="submit" className="tender-button" disabled={code.trim() === '' || (card !== null && pays <= 0)}>
          {card ? t('payment.storedValue.pay', { amount: money(pays) }) : t('payment.storedValue.check')}
        </button>
        <button type="button" onClick={reset}>
          {t('actions.cancel')}
        </button>
      </fieldset>
    </form>
  );
}
