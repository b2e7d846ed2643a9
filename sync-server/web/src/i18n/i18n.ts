import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr, type Dictionary } from './fr';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
const STORAGE_KEY = 'pos-office-locale';

/** i18next with both dictionaries bundled: French unless the user picked English on this browser. */
export function createI18n(locale: Locale = savedLocale()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'fr',
    resources: { fr: { translation: fr }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export function savedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** Switches the language, remembers it and tells screen readers (the html lang attribute). */
export async function switchLocale(instance: i18n, locale: Locale): Promise<void> {
  await instance.changeLanguage(locale);
  document.documentElement.lang = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
}

/** The words of an error code, or the generic sentence with the code for support. */
export function errorKey(code: string): string {
  return Object.hasOwn(fr.errors, code) ? `errors.${code}` : 'errors.unknown';
}

export type { Dictionary };
