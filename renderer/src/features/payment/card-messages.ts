import { PosError, type CardResult } from '@pos/core';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { services } from '../../state/services';

/** A declined or unknown answer in the cashier's words: by its failure code, never the driver's sentence. */
export function notifyCardResult(result: CardResult): void {
  const { notify } = useAppStore.getState();
  // The terminal's own words (English, from the driver) ride along for support, folded away.
  if (result.status === 'declined') {
    notify('error', result.failure ? `cardTerminal.failure.${result.failure}` : 'cardTerminal.declined', undefined, [], result.message);
  } else if (result.status === 'unknown') {
    notify('warning', 'payment.unknownHelp', undefined, [], result.message);
  }
}

/**
 * Refusals the host gives before it asks the terminal: nothing was sent, nothing charged. Any
 * other error (no answer from the host) leaves the attempt unknown.
 */
export function refusedBeforeTerminal(error: unknown): boolean {
  return error instanceof PosError && ['CARD_OFFLINE_LIMIT', 'INVALID_REQUEST', 'NOT_SIGNED_IN', 'FORBIDDEN'].includes(error.code);
}

/** The host's card refusals in words: the offline limits with their amounts, the rest by their code. */
export function notifyCardError(error: unknown): void {
  const details = error instanceof PosError ? (error.details as Record<string, unknown> | undefined) : undefined;
  if (error instanceof PosError && error.code === 'CARD_OFFLINE_LIMIT' && typeof details?.limit === 'number') {
    const locale = intlLocale(useAppStore.getState().locale);
    const money = (amount: unknown) => formatMoney(typeof amount === 'number' ? amount : 0, services().profile.currency, locale);
    const key = details.held === undefined ? 'cardTerminal.offlineLimit.perPayment' : 'cardTerminal.offlineLimit.total';
    useAppStore.getState().notify('error', key, { limit: money(details.limit), held: money(details.held) });
    return;
  }
  if (error instanceof PosError && error.code === 'TERMINAL_BUSY') {
    useAppStore.getState().notify('warning', 'cardTerminal.stillWorking');
    return;
  }
  notifyError(error);
}
