import { denominationsOf, type Denomination } from '@pos/core';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { NumericKeypad } from '../dialogs/NumericKeypad';
import { countEntry, stepQuantity, type QuantityTexts } from './count-entry';
import { denominationLabel } from './money-words';

/** + and − leave the focus (and its selection) in the quantity being typed. */
const keepFocus = (e: MouseEvent) => e.preventDefault();

function Row({
  denomination,
  label,
  text,
  active,
  onChange,
  onFocus,
}: {
  denomination: Denomination;
  label: string;
  text: string;
  active: boolean;
  onChange: (text: string) => void;
  onFocus: () => void;
}) {
  const { t } = useTranslation();
  const key = String(denomination.value);
  const quantityLabel = t(denomination.kind === 'note' ? 'cash.count.notesOf' : 'cash.count.coinsOf', { value: label });
  return (
    <div className="denomination" data-active={active || undefined}>
      <label htmlFor={`denomination-${key}`} className="denomination-value">
        {label}
      </label>
      <button
        type="button"
        tabIndex={-1}
        onMouseDown={keepFocus}
        aria-label={t('cash.count.less', { value: label })}
        onClick={() => onChange(stepQuantity(text, -1))}
      >
        −
      </button>
      <input
        id={`denomination-${key}`}
        inputMode="numeric"
        autoComplete="off"
        aria-label={quantityLabel}
        value={text}
        placeholder="0"
        onFocus={(e) => {
          onFocus();
          e.currentTarget.select();
        }}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        tabIndex={-1}
        onMouseDown={keepFocus}
        aria-label={t('cash.count.more', { value: label })}
        onClick={() => onChange(stepQuantity(text, 1))}
      >
        +
      </button>
    </div>
  );
}

/** What the keypad feeds: a denomination's quantity, or another tender's counted total. */
type Active = { readonly kind: 'count' | 'tender'; readonly key: string };

/**
 * A drawer counted by note and coin: a quantity per denomination, typed, touched on the keypad
 * (it feeds the field last touched) or stepped with + and −, and the running total. `tenders`:
 * other tenders counted as totals (the card terminal's batch), fed by the same keypad.
 */
export function DenominationGrid({
  currency,
  texts,
  onChange,
  tenders = [],
  tenderTexts = {},
  onTenderChange,
}: {
  currency: string;
  texts: QuantityTexts;
  onChange: (texts: QuantityTexts) => void;
  tenders?: readonly string[];
  tenderTexts?: Readonly<Record<string, string>>;
  onTenderChange?: (texts: Readonly<Record<string, string>>) => void;
}) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const denominations = denominationsOf(currency);
  const [active, setActive] = useState<Active>({ kind: 'count', key: String(denominations[0]?.value ?? '') });
  const set = (key: string, text: string) => onChange({ ...texts, [key]: text });
  const setTender = (method: string, text: string) => onTenderChange?.({ ...tenderTexts, [method]: text });
  const entry = countEntry(texts, currency);
  const activeDenomination = active.kind === 'count' ? denominations.find((d) => String(d.value) === active.key) : undefined;
  const column = (kind: Denomination['kind']) => (
    <fieldset className="denomination-column">
      <legend>{t(kind === 'note' ? 'cash.count.notes' : 'cash.count.coins')}</legend>
      {denominations
        .filter((d) => d.kind === kind)
        .map((d) => {
          const key = String(d.value);
          return (
            <Row
              key={key}
              denomination={d}
              label={denominationLabel(d.value, currency, locale)}
              text={texts[key] ?? ''}
              active={active.kind === 'count' && key === active.key}
              onChange={(text) => set(key, text)}
              onFocus={() => setActive({ kind: 'count', key })}
            />
          );
        })}
    </fieldset>
  );
  const keypadText = active.kind === 'count' ? (texts[active.key] ?? '') : (tenderTexts[active.key] ?? '');
  return (
    <div className="denomination-grid">
      {column('note')}
      {column('coin')}
      <div className="denomination-side">
        <NumericKeypad
          value={keypadText}
          decimal={active.kind === 'tender'}
          onChange={(text) => (active.kind === 'count' ? set(active.key, text) : setTender(active.key, text))}
          label={
            activeDenomination
              ? t('cash.count.keypadFor', { value: denominationLabel(activeDenomination.value, currency, locale) })
              : t('cash.count.keypadFor', { value: t(`cash.tenders.${active.key}`, { defaultValue: active.key }) })
          }
        />
        <p className="cash-total" aria-live="polite">
          <span>{t('cash.count.total')}</span> <strong>{entry.ok ? formatMoney(entry.total, currency, locale) : '—'}</strong>
        </p>
        {!entry.ok && (
          <p role="alert" className="form-error">
            {t(`cash.errors.${entry.code}`)}
          </p>
        )}
        {tenders.map((method) => (
          <label key={method} className="tender-total">
            <span>{t('cash.count.tenderTotal', { tender: t(`cash.tenders.${method}`, { defaultValue: method }) })}</span>
            <input
              inputMode="decimal"
              autoComplete="off"
              value={tenderTexts[method] ?? ''}
              onFocus={(e) => {
                setActive({ kind: 'tender', key: method });
                e.currentTarget.select();
              }}
              onChange={(e) => setTender(method, e.target.value)}
            />
          </label>
        ))}
      </div>
    </div>
  );
}
