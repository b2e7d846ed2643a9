import {
  DEVICE_LABEL_CODES,
  DEVICE_LIST_ERRORS,
  DEVICE_TEST_OUTCOMES,
  HOST_NOTICE_CODES,
  type DeviceStatusView,
  type PrinterCondition,
  type PrintOutcome,
  type ScaleReading,
  type TerminalAlertView,
} from '@pos/core';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES } from '../../i18n/i18n';
import type { Message } from '../../state/app-store';
import { terminalAlertMessage, testOutcomeMessage } from './device-words';

const ENGLISH = 'the driver said this in English';
const PRINT_FAILURES = ['unreachable', 'timeout', 'io', 'no-printer'] as const satisfies readonly Extract<
  PrintOutcome,
  { status: 'failed' }
>['reason'][];
const SCALE_REFUSALS = ['unstable', 'zero', 'negative', 'over-capacity', 'no-scale', 'error'] as const satisfies readonly Extract<
  ScaleReading,
  { ok: false }
>['reason'][];
const ALERT_KINDS = [
  'late-approval',
  'late-decline',
  'duplicate-answer',
  'unknown-attempt',
  'offline-over-cap',
] as const satisfies readonly TerminalAlertView['kind'][];
const CONDITIONS = [
  'paper-near-end',
  'paper-end',
  'cover-open',
  'offline',
  'drawer-open',
  'error',
] as const satisfies readonly PrinterCondition[];
const STATES = ['ready', 'busy', 'opening', 'disconnected', 'error', 'off'] as const satisfies readonly DeviceStatusView['state'][];

/** Every sentence the Devices screen and its notices may show, with values like the host's. */
function everyMessage(): Message[] {
  const outcomes = DEVICE_TEST_OUTCOMES.flatMap((outcome) => {
    const reasons =
      outcome === 'print-failed' || outcome === 'drawer-failed' ? PRINT_FAILURES : outcome === 'scale-refused' ? SCALE_REFUSALS : [''];
    return reasons.map((reason) =>
      testOutcomeMessage({
        ok: false,
        outcome,
        values: { reason, grams: 125, seconds: 15, code: '3760', status: 'approved' },
        message: ENGLISH,
      }),
    );
  });
  return [
    ...outcomes,
    testOutcomeMessage({ ok: true, message: ENGLISH }),
    testOutcomeMessage({ ok: false, message: ENGLISH }),
    ...ALERT_KINDS.map((kind) =>
      terminalAlertMessage({ kind, attemptKey: 'a-1', status: 'approved', amount: 379, message: ENGLISH }, 'EUR', 'fr'),
    ),
    ...HOST_NOTICE_CODES.map((code) => ({ key: `devices.notice.${code}`, values: { seconds: 30, hubCode: 'reservation_not_open' } })),
    { key: 'devices.notice.other' },
    ...DEVICE_LIST_ERRORS.map((list) => ({ key: `devices.listError.${list}` })),
    ...CONDITIONS.map((c) => ({ key: `devices.condition.${c}` })),
    ...STATES.map((s) => ({ key: `devices.stateHelp.${s}` })),
    ...DEVICE_LABEL_CODES.map((code) => ({
      key: `devices.label.${code}`,
      values: { pin: 2, screen: 1, path: '/dev/ttyS0', baud: 9600, model: 'CD5220', protocol: 'ZVT', address: '10.0.0.5:20007' },
    })),
  ];
}

describe('what the host says of the devices is said in French and in English', () => {
  it('has a sentence for every test outcome, alert, notice, list error, condition and state', () => {
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      for (const { key, values } of everyMessage()) {
        expect(i18n.exists(key), `${locale}: ${key}`).toBe(true);
        const shown = i18n.t(key, values ?? {});
        expect(shown, key).not.toMatch(/{{|undefined|the driver said/);
      }
    }
  });

  it('gives the amount of a terminal alert in the screen’s language', () => {
    const i18n = createI18n('fr');
    const { key, values } = terminalAlertMessage(
      { kind: 'late-approval', attemptKey: 'a-1', status: 'approved', amount: 379, message: ENGLISH },
      'EUR',
      'fr',
    );
    expect(i18n.t(key, values ?? {}).replace(/\s/g, ' ')).toBe(
      'Le terminal a accepté 3,79 € après le délai : vérifiez la vente, le client a été débité.',
    );
  });
});
