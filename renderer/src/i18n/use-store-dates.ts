import { useAppStore } from '../state/app-store';
import { useMaybeServices } from '../state/services';
import { formatDateTime, formatTime } from './format';
import { intlLocale } from './i18n';

/** Before the store profile is known (boot), the machine's own zone is all there is. */
const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Times and dates for the till's screens, in the cashier's language and the store's time zone. */
export function useStoreDates(): { readonly time: (iso: string) => string; readonly dateTime: (iso: string) => string } {
  const locale = intlLocale(useAppStore((s) => s.locale));
  const timeZone = useMaybeServices()?.profile.timeZone ?? machineZone();
  return {
    time: (iso) => formatTime(iso, locale, timeZone),
    dateTime: (iso) => formatDateTime(iso, locale, timeZone),
  };
}
