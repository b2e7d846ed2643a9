import type { DeviceTestResult, ScaleReading, TerminalAlertView } from '@pos/core';
import { formatMoney } from '../../i18n/format';
import { intlLocale, type Locale } from '../../i18n/i18n';
import type { Message } from '../../state/app-store';

type ScaleRefusal = Extract<ScaleReading, { ok: false }>['reason'];

/** The weight dialog's sentences say why a reading failed; the Devices screen's scale test says the same. */
const SCALE_KEYS: Readonly<Record<ScaleRefusal, string>> = {
  unstable: 'dialogs.scale.unstable',
  zero: 'dialogs.scale.zero',
  negative: 'dialogs.scale.negative',
  'over-capacity': 'dialogs.scale.overCapacity',
  'no-scale': 'dialogs.scale.noScale',
  error: 'dialogs.scale.error',
};

/**
 * A device test's result as a sentence of the page's language, by the host's outcome code: the
 * host's words stay for support. An older host without a code still gets a sentence.
 */
export function testOutcomeMessage(result: DeviceTestResult): Message {
  const values = result.values ?? {};
  switch (result.outcome) {
    case undefined:
      return { key: result.ok ? 'devices.outcome.ok' : 'devices.outcome.failed' };
    case 'print-failed':
    case 'drawer-failed':
      return { key: `devices.printerFault.${String(values.reason)}` };
    case 'scale-refused':
      return { key: SCALE_KEYS[values.reason as ScaleRefusal] ?? 'dialogs.scale.error' };
    default:
      return { key: `devices.outcome.${result.outcome}`, values };
  }
}

/** A late or double answer of the card terminal, by its kind, with the amount in the screen's language. */
export function terminalAlertMessage(alert: TerminalAlertView, currency: string, locale: Locale): Message {
  return { key: `devices.alert.${alert.kind}`, values: { amount: formatMoney(alert.amount, currency, intlLocale(locale)) } };
}
