import { useTranslation } from 'react-i18next';

/** Amounts are integers in minor units (cents) everywhere in the fiscal records. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    money: (minor: unknown, currency = 'EUR') =>
      typeof minor === 'number' ? new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100) : '—',
    /** A figure of a closing as it is: numbers per locale, text as written, absent as a dash. */
    figure: (value: unknown) =>
      typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value === null || value === undefined ? '—' : String(value),
    number: (value: unknown) => (typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : '—'),
    dateTime: (iso: string) =>
      iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '—',
  };
}
