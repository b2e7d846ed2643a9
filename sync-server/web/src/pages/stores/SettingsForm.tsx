import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { LinesField } from './LinesField';
import { PriceListField } from './PriceListField';
import { draftOf, NEW_STORE_SETTINGS, settingsOf, type SavedSettings, type SettingsDraft } from './settings-draft';
import type { StoresApi } from './stores-api';
import { useSettingsRefusal } from './use-settings-refusal';
import { VatRatesFields, vatRatesOf } from './VatRatesFields';

type Props = { readonly api: StoresApi; readonly storeId: string };

const WHOLE = /^[0-9]+$/;

type Loaded = { readonly state: 'loading' } | { readonly state: 'failed'; readonly why: string } | { readonly state: 'ready' };

/**
 * A store's settings: legal mentions, VAT rates, price list, cash rounding, receipt footer and cash session.
 * The hub replaces the whole document with PUT, so the form first reads the saved one and sends it
 * back with only its own fields changed; without that read it does not save (it would wipe quick
 * keys, barcode layouts and the rest it does not show).
 */
export function SettingsForm({ api, storeId }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stores');
  const refusalText = useSettingsRefusal();
  const cashId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [saved, setSaved] = useState<SavedSettings>(NEW_STORE_SETTINGS);
  const [form, setForm] = useState<SettingsDraft>(draftOf(NEW_STORE_SETTINGS));
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.getSettings(storeId).then(
      (document) => {
        if (!live) return;
        const base = document ?? NEW_STORE_SETTINGS;
        setSaved(base);
        setForm(draftOf(base));
        setLoaded({ state: 'ready' });
      },
      (error: unknown) => live && setLoaded({ state: 'failed', why: errorText(error) }),
    );
    return () => {
      live = false;
    };
    // errorText is a new function each render; the read depends on the store alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, storeId]);

  const text = (key: Exclude<keyof SettingsDraft, 'rates' | 'cashSession' | 'priceListId'>) => ({
    value: form[key],
    onChange: (value: string) => setForm((before) => ({ ...before, [key]: value })),
  });

  const submit = async () => {
    setDone(null);
    if (loaded.state !== 'ready') return;
    const vatRates = vatRatesOf(form.rates);
    if (!form.name.trim() || !form.legalName.trim() || !form.address.trim() || !form.vatNumber.trim())
      return setProblem(t('stores.required'));
    if (!vatRates) return setProblem(t('stores.badVat'));
    if (!WHOLE.test(form.rounding) || Number(form.rounding) < 1 || !WHOLE.test(form.variance)) return setProblem(t('stores.badNumber'));
    setProblem(null);
    const next = settingsOf(saved, form, vatRates);
    try {
      await api.putSettings(storeId, next);
      setSaved(next);
      setDone(t('stores.saved'));
    } catch (error) {
      setProblem(refusalText(error));
    }
  };

  const field = (key: Parameters<typeof text>[0], label: string, more: { maxLength?: number; inputMode?: 'numeric' } = {}) => {
    const { value, onChange } = text(key);
    return <Field label={label} value={value} onChange={(e) => onChange(e.target.value)} {...more} />;
  };

  const shown = loaded.state === 'failed' ? t('stores.loadFailed', { why: loaded.why }) : problem;
  return (
    <PanelForm title={t('stores.settingsTitle')} problem={shown} done={done} onSubmit={submit}>
      <p className="note">{loaded.state === 'loading' ? t('stores.settingsLoading') : t('stores.settingsNote')}</p>
      <fieldset>
        <legend>{t('stores.legal')}</legend>
        {field('name', t('stores.name'), { maxLength: 200 })}
        {field('legalName', t('stores.legalName'), { maxLength: 200 })}
        <LinesField label={t('stores.address')} {...text('address')} />
        {field('siret', t('stores.siret'), { maxLength: 32, inputMode: 'numeric' })}
        {field('vatNumber', t('stores.vatNumber'), { maxLength: 32 })}
      </fieldset>
      <VatRatesFields rates={form.rates} onChange={(rates) => setForm((before) => ({ ...before, rates }))} />
      <fieldset>
        <legend>{t('stores.prices')}</legend>
        <PriceListField api={api} value={form.priceListId} onChange={(priceListId) => setForm((before) => ({ ...before, priceListId }))} />
      </fieldset>
      <fieldset>
        <legend>{t('stores.receipt')}</legend>
        {field('rounding', t('stores.rounding'), { inputMode: 'numeric' })}
        <LinesField label={t('stores.footer')} {...text('footer')} />
      </fieldset>
      <fieldset>
        <legend>{t('stores.cash')}</legend>
        <label htmlFor={cashId}>{t('stores.cashSession')}</label>
        <select
          id={cashId}
          value={form.cashSession}
          onChange={(e) => setForm((before) => ({ ...before, cashSession: e.target.value as 'required' | 'optional' }))}
        >
          <option value="optional">{t('stores.cashOptional')}</option>
          <option value="required">{t('stores.cashRequired')}</option>
        </select>
        {field('variance', t('stores.varianceLimit'), { inputMode: 'numeric' })}
      </fieldset>
      <button type="submit" disabled={loaded.state !== 'ready'}>
        {t('stores.save')}
      </button>
    </PanelForm>
  );
}
