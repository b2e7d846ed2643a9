import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { LinesField, linesOf } from './LinesField';
import type { StoresApi } from './stores-api';
import { FRENCH_RATES, VatRatesFields, vatRatesOf, type VatRateDraft } from './VatRatesFields';

type Props = { readonly api: StoresApi; readonly storeId: string };

const WHOLE = /^[0-9]+$/;

/**
 * A store's settings: legal mentions, VAT rates, cash rounding, receipt footer and cash session, sent
 * whole with PUT (the hub replaces the document every till of the store pulls). The hub has no read
 * of the saved settings yet, so the form starts from French defaults and says so.
 */
export function SettingsForm({ api, storeId }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stores');
  const cashId = useId();
  const [form, setForm] = useState({
    name: '',
    legalName: '',
    address: '',
    siret: '',
    vatNumber: '',
    rounding: '1',
    footer: '',
    variance: '500',
  });
  const [rates, setRates] = useState<VatRateDraft[]>([...FRENCH_RATES]);
  const [cashSession, setCashSession] = useState<'required' | 'optional'>('optional');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const text = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (value: string) => setForm((before) => ({ ...before, [key]: value })),
  });

  const submit = async () => {
    setDone(null);
    const addressLines = linesOf(form.address);
    if (!form.name.trim() || !form.legalName.trim() || addressLines.length === 0 || !form.vatNumber.trim())
      return setProblem(t('stores.required'));
    const vatRates = vatRatesOf(rates);
    if (!vatRates) return setProblem(t('stores.badVat'));
    if (!WHOLE.test(form.rounding) || Number(form.rounding) < 1 || !WHOLE.test(form.variance)) return setProblem(t('stores.badNumber'));
    setProblem(null);
    try {
      await api.putSettings(storeId, {
        name: form.name.trim(),
        legalName: form.legalName.trim(),
        addressLines,
        vatNumber: form.vatNumber.replace(/\s/g, ''),
        ...(form.siret.trim() ? { siret: form.siret.replace(/\s/g, '') } : {}),
        currency: 'EUR',
        receiptLocale: 'fr-FR',
        timeZone: 'Europe/Paris',
        vatRates,
        variableMeasureLayouts: [],
        cashRounding: { step: Number(form.rounding) },
        quickCashAmounts: [],
        // No discount beyond a manager's until the hub can read the saved settings back (then kept as they are).
        maxCashierDiscountBp: 0,
        receiptFooter: linesOf(form.footer),
        cashSession,
        varianceLimit: Number(form.variance),
      });
      setDone(t('stores.saved'));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const field = (key: keyof typeof form, label: string, more: { maxLength?: number; inputMode?: 'numeric' } = {}) => {
    const { value, onChange } = text(key);
    return <Field label={label} value={value} onChange={(e) => onChange(e.target.value)} {...more} />;
  };

  return (
    <PanelForm title={t('stores.settingsTitle')} problem={problem} done={done} onSubmit={submit}>
      <p className="note">{t('stores.settingsNote')}</p>
      <fieldset>
        <legend>{t('stores.legal')}</legend>
        {field('name', t('stores.name'), { maxLength: 200 })}
        {field('legalName', t('stores.legalName'), { maxLength: 200 })}
        <LinesField label={t('stores.address')} {...text('address')} />
        {field('siret', t('stores.siret'), { maxLength: 32, inputMode: 'numeric' })}
        {field('vatNumber', t('stores.vatNumber'), { maxLength: 32 })}
      </fieldset>
      <VatRatesFields rates={rates} onChange={setRates} />
      <fieldset>
        <legend>{t('stores.receipt')}</legend>
        {field('rounding', t('stores.rounding'), { inputMode: 'numeric' })}
        <LinesField label={t('stores.footer')} {...text('footer')} />
      </fieldset>
      <fieldset>
        <legend>{t('stores.cash')}</legend>
        <label htmlFor={cashId}>{t('stores.cashSession')}</label>
        <select id={cashId} value={cashSession} onChange={(e) => setCashSession(e.target.value as 'required' | 'optional')}>
          <option value="optional">{t('stores.cashOptional')}</option>
          <option value="required">{t('stores.cashRequired')}</option>
        </select>
        {field('variance', t('stores.varianceLimit'), { inputMode: 'numeric' })}
      </fieldset>
      <button type="submit">{t('stores.save')}</button>
    </PanelForm>
  );
}
