import type { PrinterCondition } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { byUrgency } from './printer-summary';
import { PrinterIcon } from './StatusIcons';

/** What the printer's status bytes report, in the cashier's words. */
const CONDITION_KEYS: Record<PrinterCondition, string> = {
  'paper-near-end': 'devices.paperNearEnd',
  'paper-end': 'devices.paperEnd',
  'cover-open': 'devices.coverOpen',
  offline: 'status.printerOffline',
  'drawer-open': 'devices.drawerIsOpen',
  error: 'status.printerError',
};

/**
 * The printer in a few words after its pictogram: its state, or its most urgent condition and how
 * many more (the word "Printer" is there for screen readers and text searches, not drawn). Every
 * condition (and the printer's address) stays in the accessible name and the title, so a long list
 * never pushes the bar's buttons off a small screen.
 */
export function PrinterStatusItem() {
  const { t } = useTranslation();
  const printer = useAppStore((s) => s.printer);
  const state = printer?.state ?? 'none';
  const stateWord = t(`status.printer${state.replace(/^./, (c) => c.toUpperCase())}`);
  const conditions = byUrgency(printer?.conditions ?? []).map((c) => t(CONDITION_KEYS[c]));
  const [first, ...more] = conditions;
  const short = first === undefined ? stateWord : more.length ? t('statusBar.moreConditions', { first, count: more.length }) : first;
  const full = [
    t('statusBar.printer', { state: stateWord }),
    conditions.length ? `(${conditions.join(', ')})` : '',
    // Its address, not the host's English message: the words of the screen stay in its language.
    printer?.target ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const alert = state === 'offline' || state === 'error' || conditions.length > 0;
  return (
    <span
      role="status"
      className={`status-item status-keep printer-${state}${alert ? ' status-alert' : ''}`}
      aria-label={full}
      title={full}
    >
      <span className="visually-hidden">{t('status.printer')}: </span>
      <PrinterIcon />
      {short}
    </span>
  );
}
