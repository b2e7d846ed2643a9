import type { DashboardBreakdown } from '@pos/core/sync/head-office-api';
import { useTranslation } from 'react-i18next';
import type { DashboardAnswer } from './dashboard-api';

/** Money from cents, numbers, dates and changes in the UI language's locale. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return {
    money: (cents: number) => money.format(cents / 100),
    number: (n: number) => number.format(n),
    percent: (ratio: number) => percent.format(ratio),
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    date: (iso: string) => date.format(new Date(`${iso}T00:00:00Z`)),
    /** ISO weekday 1 (Monday) … 7 (Sunday): 2024-01-01 was a Monday. */
    weekday: (iso: number) => weekday.format(new Date(Date.UTC(2024, 0, iso))),
    time: (d: Date) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(d),
  };
}

/** The words for a breakdown's key: names of stores, products and staff, days and weekdays, hours, VAT rates, tenders… */
export function useKeyLabel(answer: DashboardAnswer | null): (by: DashboardBreakdown | 'product', key: string) => string {
  const { t, i18n } = useTranslation();
  const n = useNumbers();
  const stores = answer?.names.stores ?? {};
  const products = answer?.names.products ?? {};
  const staff = answer?.names.staff ?? {};
  const known = (prefix: string, key: string) => (i18n.exists(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : key);
  return (by, key) => {
    switch (by) {
      case 'store':
        return stores[key] ?? key;
      case 'day':
        return n.day(key);
      case 'weekday':
        return n.weekday(Number(key));
      case 'hour':
        return `${key.padStart(2, '0')}:00`;
      case 'till': {
        const [store = '', till = key] = key.split('/');
        return t('dashboard.tillOf', { till, store: stores[store] ?? store });
      }
      case 'cashier':
      case 'salesperson':
        return staff[key] ?? key;
      case 'channel':
        return known('dashboard.channels', key);
      case 'tender':
        return known('dashboard.tenders', key);
      case 'vat':
        return n.percent(Number(key) / 10_000);
      case 'category':
        return key === '' ? t('dashboard.noCategory') : key;
      case 'product':
        return products[key] ?? key;
      default:
        return key;
    }
  };
}
