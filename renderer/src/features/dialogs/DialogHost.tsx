import { parseAmount, parsePercent, parseWeightGrams } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInputText, weightInputText } from '../../i18n/format';
import { readScaleWeight } from '../devices/scale';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { answer, useDialogStore, type DialogRequest } from '../../state/dialog-store';
import { PinPad, pinDigits } from '../signin/PinPad';
import { Modal } from './Modal';

function QuantityDialog({ request }: { request: Extract<DialogRequest, { kind: 'quantity' }> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(request.initial));
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={t('dialogs.quantityTitle', { name: request.name })}
      error={error}
      onSubmit={() => {
        const quantity = Number(text);
        if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > request.max)
          return setError(t('dialogs.invalidQuantity', { max: request.max }));
        answer({ kind: 'quantity', quantity });
      }}
    >
      <label>
        <span>{t('sale.quantity')}</span>
        <input inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </Modal>
  );
}

function WeightDialog({ request }: { request: Extract<DialogRequest, { kind: 'weight' }> }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const readScale = () => {
    setReading(true);
    void readScaleWeight()
      .then((reading) => {
        if (reading.ok) {
          setError(null);
          setText(weightInputText(reading.grams, locale));
        } else if (reading.reason !== 'no-scale') setError(reading.message);
      })
      .finally(() => setReading(false));
  };
  // With a scale connected, the weight is read as the dialog opens: the cashier only confirms.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  useEffect(readScale, []);
  return (
    <Modal
      title={t('dialogs.weightTitle', { name: request.name })}
      error={error}
      onSubmit={() => {
        const grams = parseWeightGrams(text);
        if (grams === null || grams > 99_999) return setError(t('dialogs.invalidWeight'));
        answer({ kind: 'weight', grams });
      }}
    >
      <label>
        <span>{t('dialogs.weight')}</span>
        <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" onClick={readScale} disabled={reading}>
        {reading ? t('dialogs.readingScale') : t('dialogs.readScale')}
      </button>
    </Modal>
  );
}

function DiscountDialog({ request }: { request: Extract<DialogRequest, { kind: 'line-discount' | 'cart-discount' }> }) {
  const { t } = useTranslation();
  const percentOnly = request.kind === 'cart-discount';
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const title = request.kind === 'cart-discount' ? t('dialogs.cartDiscountTitle') : t('dialogs.discountTitle', { name: request.name });
  return (
    <Modal
      title={title}
      error={error}
      onSubmit={() => {
        if (kind === 'percent') {
          const bp = parsePercent(text);
          if (bp === null) return setError(t('dialogs.invalidPercent'));
          return answer({ kind: 'discount', discount: { kind: 'percent', bp } });
        }
        const amount = parseAmount(text);
        if (amount === null || amount <= 0) return setError(t('dialogs.invalidAmount'));
        answer({ kind: 'discount', discount: { kind: 'amount', amount } });
      }}
    >
      {!percentOnly && (
        <fieldset>
          <legend>{t('dialogs.discountKind')}</legend>
          <label>
            <input type="radio" name="kind" checked={kind === 'percent'} onChange={() => setKind('percent')} />
            {t('dialogs.percent')}
          </label>
          <label>
            <input type="radio" name="kind" checked={kind === 'amount'} onChange={() => setKind('amount')} />
            {t('dialogs.amount')}
          </label>
        </fieldset>
      )}
      <label>
        <span>{t('dialogs.value')}</span>
        <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {request.hasDiscount && (
        <button type="button" onClick={() => answer({ kind: 'discount', discount: null })}>
          {t('dialogs.removeDiscount')}
        </button>
      )}
    </Modal>
  );
}

function PriceDialog({ request }: { request: Extract<DialogRequest, { kind: 'price-override' }> }) {
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
      <label>
        <span>{t('dialogs.newPrice')}</span>
        <input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
      </label>
      <label>
        <span>{t('dialogs.reason')}</span>
        <input value={reason} maxLength={80} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Modal>
  );
}

function ManagerDialog({ request }: { request: Extract<DialogRequest, { kind: 'manager' }> }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const error = request.error ? t(request.error.key, request.error.values ?? {}) : null;
  return (
    <Modal title={t('dialogs.managerTitle')} error={error} onSubmit={() => answer({ kind: 'pin', pin })}>
      <p>{t('dialogs.managerPrompt', { action: t(request.actionKey) })}</p>
      <label>
        <span>{t('dialogs.managerPin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(pinDigits(e.target.value))}
        />
      </label>
      <PinPad onChange={setPin} />
    </Modal>
  );
}

function ConfirmVoidDialog() {
  const { t } = useTranslation();
  return (
    <Modal title={t('dialogs.voidTitle')} onSubmit={() => answer({ kind: 'confirmed' })}>
      <p>{t('dialogs.voidText')}</p>
    </Modal>
  );
}

function NoSaleDialog() {
  const { t } = useTranslation();
  const [reason, setReason] = useState<'change' | 'correction' | 'other'>('change');
  return (
    <Modal title={t('devices.noSaleTitle')} onSubmit={() => answer({ kind: 'no-sale', reason })}>
      <label>
        <span>{t('devices.noSaleReason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
          {(['change', 'correction', 'other'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`devices.noSaleReasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </Modal>
  );
}

export function DialogHost() {
  const request = useDialogStore((s) => s.request);
  const id = useDialogStore((s) => s.id);
  if (!request) return null;
  return <DialogFor key={id} request={request} />;
}

function DialogFor({ request }: { request: DialogRequest }) {
  switch (request.kind) {
    case 'quantity':
      return <QuantityDialog request={request} />;
    case 'weight':
      return <WeightDialog request={request} />;
    case 'line-discount':
    case 'cart-discount':
      return <DiscountDialog request={request} />;
    case 'price-override':
      return <PriceDialog request={request} />;
    case 'manager':
      return <ManagerDialog request={request} />;
    case 'confirm-void':
      return <ConfirmVoidDialog />;
    case 'no-sale':
      return <NoSaleDialog />;
  }
}
