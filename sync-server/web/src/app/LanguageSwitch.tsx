import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, switchLocale, type Locale } from '../i18n/i18n';

const NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** The language picker, on the sign-in page and in the header; each language named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={i18n.language} onChange={(event) => void switchLocale(i18n, event.target.value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
