import { useTranslation } from 'react-i18next';

/** Amounts are integers in minor units (cents) everywhere in the fiscal records. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    money: (minor: unknown, currency = 'EUR') =>
      typeof minor === 'number' ? new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100) : '—',
    number: (value: unknown) => (typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : '—'),
    dateTime: (iso: string) =>
      iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '—',
  };
}
