import { checkCashReceived, parseAmount, quickCashAmounts, type CashCheck } from '@pos/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { NumericKeypad } from '../dialogs/NumericKeypad';
import { CashConfirm } from './CashConfirm';
import { payCash } from './payment-actions';

type Pending = { readonly amount: number; readonly check: CashCheck };

/**
 * Cash received: typed, or on the keypad, or one tap on the exact amount or a note above the due.
 * The change it would give shows as it is typed; an amount no customer hands over is confirmed
 * first (core's checkCashReceived), and nothing is taken when the cashier corrects it.
 */
export function CashForm({
  cashDue,
  currency,
  storeAmounts,
  locked,
  money,
}: {
  cashDue: number;
  currency: string;
  storeAmounts: readonly number[];
  locked: boolean;
  money: (amount: number) => string;
}) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const [cashText, setCashText] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);

  const take = (amount: number) => {
    setPending(null);
    setCashText('');
    void payCash(amount);
  };
  const offer = (amount: number | null) => {
    if (amount === null) return notify('error', 'dialogs.invalidAmount');
    const check = checkCashReceived(amount, cashDue, currency);
    if (check) setPending({ amount, check });
    else take(amount);
  };
  const typed = parseAmount(cashText);
  const preview = typed !== null && typed > cashDue ? typed - cashDue : null;

  return (
    <form
      className="cash-form"
      onSubmit={(e) => {
        e.preventDefault();
        offer(cashText.trim() === '' ? cashDue : parseAmount(cashText));
      }}
    >
      {/* The fieldset turns the keypad off too; each control says so itself for assistive technology. */}
      <fieldset disabled={locked}>
        <div className="cash-entry">
          <label>
            <span>{t('payment.tendered')}</span>
            <input ref={input} inputMode="decimal" value={cashText} disabled={locked} onChange={(e) => setCashText(e.target.value)} />
          </label>
          <button type="submit" className="tender-button" disabled={locked}>
            {t('payment.addCash')}
          </button>
        </div>
        {preview !== null && (
          <dl className="change-preview" aria-live="polite">
            <dt>{t('payment.changeToGive')}</dt>
            <dd>{money(preview)}</dd>
          </dl>
        )}
        <div className="cash-pad">
          <NumericKeypad value={cashText} onChange={setCashText} decimal label={t('payment.cashKeypad')} />
          <div className="quick-cash">
            <button type="button" className="tender-button" disabled={locked} onClick={() => offer(cashDue)}>
              {t('payment.exact')}
            </button>
            {quickCashAmounts(cashDue, currency, storeAmounts).map((amount) => (
              <button key={amount} type="button" className="tender-button" disabled={locked} onClick={() => offer(amount)}>
                {money(amount)}
              </button>
            ))}
          </div>
        </div>
      </fieldset>
      {pending && (
        <CashConfirm
          check={pending.check}
          figures={{ received: money(pending.amount), due: money(cashDue), change: money(pending.check.change) }}
          onConfirm={() => take(pending.amount)}
          onCancel={() => setPending(null)}
        />
      )}
    </form>
  );
}
