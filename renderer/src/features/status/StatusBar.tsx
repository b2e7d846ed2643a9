import { can, type PrinterCondition } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { signOut } from '../../app/boot';
import { LOCALES, type Locale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { useMaybeServices } from '../../state/services';
import { useDeviceStore } from '../../state/device-store';
import { openDrawerWithoutSale } from '../devices/no-sale';
import { SyncBadge } from '../sync/SyncBadge';

/** What the printer's status bytes report, in the cashier's words. */
const CONDITION_KEYS: Record<PrinterCondition, string> = {
  'paper-near-end': 'devices.paperNearEnd',
  'paper-end': 'devices.paperEnd',
  'cover-open': 'devices.coverOpen',
  offline: 'status.printerOffline',
  'drawer-open': 'devices.drawerIsOpen',
  error: 'status.printerError',
};

/** Store, till, cashier, host and printer state, language and lock: always on screen. */
export function StatusBar() {
  const { t } = useTranslation();
  const { phase, staff, connection, printer, locale, storagePersisted } = useAppStore();
  const toggleHelp = useAppStore((s) => s.toggleHelp);
  const running = useMaybeServices();
  const hostKey = {
    connected: 'status.hostConnected',
    connecting: 'status.hostConnecting',
    disconnected: 'status.hostDisconnected',
    unauthorized: 'status.hostRestarted',
  }[connection];
  const conditions = printer?.conditions ?? [];
  const printerKey = `status.printer${(printer?.state ?? 'none').replace(/^./, (c) => c.toUpperCase())}`;
  return (
    <header className="status-bar">
      {running && (
        <>
          <span>
            {t('status.store')}: <strong>{running.profile.name}</strong>
          </span>
          <span>
            {t('status.till')}: <strong>{running.profile.tillLabel}</strong>
          </span>
        </>
      )}
      {staff && (
        <span>
          {t('status.cashier')}: <strong>{staff.displayName}</strong>
        </span>
      )}
      <span className={`host-${connection}`} role="status" aria-label={`${t('status.host')}: ${t(hostKey)}`}>
        {t('status.host')}: {t(hostKey)}
      </span>
      <span className={`printer-${printer?.state ?? 'none'}`} title={printer?.message ?? printer?.target ?? ''}>
        {t('status.printer')}: {t(printerKey)}
        {conditions.length > 0 && (
          <strong className="printer-conditions"> ({conditions.map((c) => t(CONDITION_KEYS[c])).join(', ')})</strong>
        )}
      </span>
      {storagePersisted === false && (
        <span className="warning" title={t('app.storageNotPersisted')}>
          ⚠ {t('status.storage')}
        </span>
      )}
      {running && <SyncBadge />}
      <span className="spacer" />
      <label>
        <span>{t('status.language')}</span>
        <select value={locale} onChange={(e) => useAppStore.setState({ locale: e.target.value as Locale })}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {l === 'fr' ? 'Français' : 'English'}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => toggleHelp()} aria-keyshortcuts="F1">
        {t('status.help')}
      </button>
      {phase === 'selling' && (
        <button type="button" onClick={() => void openDrawerWithoutSale()}>
          {t('devices.noSale')}
        </button>
      )}
      {staff && can(staff.role, 'till.settings') && (
        <button type="button" onClick={() => useDeviceStore.setState({ panelOpen: true })}>
          {t('devices.open')}
        </button>
      )}
      {phase === 'selling' && (
        <button type="button" onClick={() => void signOut().catch(notifyError)} aria-keyshortcuts="Alt+L">
          {t('status.signOut')}
        </button>
      )}
    </header>
  );
}
