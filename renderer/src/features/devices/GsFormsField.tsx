import { WEDGE_GS_FORMS, type WedgeGsForm } from '@pos/core';
import { useTranslation } from 'react-i18next';

/** Which keystrokes the wedge scanner sends for the GS1 separator: as its manual's "FNC1 / GS substitution" is set. */
export function GsFormsField({ value, onChange }: { value: readonly WedgeGsForm[]; onChange: (forms: readonly WedgeGsForm[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="gs-forms">
      <legend>{t('devices.gsForms')}</legend>
      {WEDGE_GS_FORMS.map((form) => (
        <label key={form} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(form)}
            onChange={(e) => onChange(e.target.checked ? [...value, form] : value.filter((f) => f !== form))}
          />
          <span>{t(`devices.gsForm.${form}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
