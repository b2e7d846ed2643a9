import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';

/** A VAT rate as typed: the percentage is text until the form is sent. */
export type VatRateDraft = { readonly id: string; readonly percent: string; readonly code: string; readonly label: string };

export const FRENCH_RATES: readonly VatRateDraft[] = [
  { id: 'FR-2.1', percent: '2.1', code: 'A', label: 'TVA 2,1 %' },
  { id: 'FR-5.5', percent: '5.5', code: 'B', label: 'TVA 5,5 %' },
  { id: 'FR-10', percent: '10', code: 'C', label: 'TVA 10 %' },
  { id: 'FR-20', percent: '20', code: 'D', label: 'TVA 20 %' },
];

type Props = { readonly rates: readonly VatRateDraft[]; readonly onChange: (rates: VatRateDraft[]) => void };

/** The store's VAT rates, one group of fields each (named by its number for screen readers), added and removed. */
export function VatRatesFields({ rates, onChange }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<VatRateDraft>) =>
    onChange(rates.map((rate, i) => (i === index ? { ...rate, ...change } : rate)));
  return (
    <fieldset>
      <legend>{t('stores.vat')}</legend>
      {rates.map((rate, i) => {
        const n = i + 1;
        return (
          <div key={i} className="vat-rate">
            <Field label={t('stores.vatId', { n })} value={rate.id} maxLength={32} onChange={(e) => set(i, { id: e.target.value })} />
            <Field
              label={t('stores.vatRate', { n })}
              inputMode="decimal"
              value={rate.percent}
              onChange={(e) => set(i, { percent: e.target.value })}
            />
            <Field label={t('stores.vatCode', { n })} value={rate.code} maxLength={2} onChange={(e) => set(i, { code: e.target.value })} />
            <Field
              label={t('stores.vatLabel', { n })}
              value={rate.label}
              maxLength={40}
              onChange={(e) => set(i, { label: e.target.value })}
            />
            {rates.length > 1 && (
              <button type="button" onClick={() => onChange(rates.filter((_, j) => j !== i))}>
                {t('stores.removeRate', { n })}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rates, { id: '', percent: '', code: '', label: '' }])}>
        {t('stores.addRate')}
      </button>
    </fieldset>
  );
}

/** The rates as the hub takes them (basis points), or null when one is incomplete or out of range. */
export function vatRatesOf(rates: readonly VatRateDraft[]) {
  const parsed = rates.map((rate) => {
    const percent = Number(rate.percent.replace(',', '.'));
    const ok = rate.id.trim() && rate.code.trim() && rate.label.trim() && rate.percent.trim() !== '' && percent >= 0 && percent <= 100;
    return ok ? { id: rate.id.trim(), rateBp: Math.round(percent * 100), code: rate.code.trim(), label: rate.label.trim() } : null;
  });
  return parsed.length > 0 && parsed.every((rate) => rate !== null) ? parsed : null;
}
