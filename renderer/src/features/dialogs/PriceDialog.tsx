import { parseAmount } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInputText } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { Modal } from './Modal';
import { NumberField } from './NumberField';
import './dialogs.css';

/** The usual reasons, one touch each: a till with no keyboard can still say why a price changed. */
const REASONS = ['shelfPrice', 'damaged', 'goodwill', 'labelError'] as const;

/** F6: a new unit price and why (kept with the sale). */
export function PriceDialog({ request }: { request: Extract<DialogRequest, { kind: 'price-override' }> }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [price, setPrice] = useState(amountInputText(request.current, locale));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={t('dialogs.overrideTitle', { name: request.name })}
      error={error}
      onSubmit={() => {
        const amount = parseAmount(price);
        if (amount === null) return setError(t('dialogs.invalidAmount'));
        if (reason.trim() === '') return setError(t('dialogs.reasonRequired'));
        answer({ kind: 'price', price: amount, reason: reason.trim() });
      }}
    >
      <NumberField label={t('dialogs.newPrice')} value={price} onChange={setPrice} decimal>
        <label>
          <span>{t('dialogs.reason')}</span>
          <input value={reason} maxLength={80} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div role="group" aria-label={t('dialogs.usualReasons')} className="reason-chips">
          {REASONS.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={reason === t(`dialogs.priceReasons.${r}`)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setReason(t(`dialogs.priceReasons.${r}`))}
            >
              {t(`dialogs.priceReasons.${r}`)}
            </button>
          ))}
        </div>
      </NumberField>
    </Modal>
  );
}
