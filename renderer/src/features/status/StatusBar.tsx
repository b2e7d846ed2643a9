import { can } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { signOut } from '../../app/boot';
import { LOCALES, type Locale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { useMaybeServices } from '../../state/services';
import { useDeviceStore } from '../../state/device-store';
import { openDrawerWithoutSale } from '../devices/no-sale';
import { SyncBadge } from '../sync/SyncBadge';
import { PrinterStatusItem } from './PrinterStatusItem';
import './status-bar.css';

/**
 * Store, till, cashier, host, printer and sync state, then language, help, drawer, devices and
 * lock: always on screen, on one line down to a 1024 px till. The states are short words (the
 * full sentence in their title and accessible name) and may shrink; the buttons never do.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const { phase, staff, connection, locale, storagePersisted } = useAppStore();
  const toggleHelp = useAppStore((s) => s.toggleHelp);
  const running = useMaybeServices();
  const hostState = {
    connected: t('status.hostConnected'),
    connecting: t('status.hostConnecting'),
    disconnected: t('status.hostDisconnected'),
    unauthorized: t('status.hostRestarted'),
  }[connection];
  const hostShort = connection === 'unauthorized' ? t('statusBar.hostRestarted') : hostState;
  const place = running && t('statusBar.place', { store: running.profile.name, till: running.profile.tillLabel });
  const cashier = staff && t('statusBar.cashier', { name: staff.displayName });
  return (
    <header className="status-bar">
      <div className="status-states">
        {running && (
          <span className="status-item status-place" title={place || undefined}>
            <strong>{running.profile.name}</strong> · {running.profile.tillLabel}
          </span>
        )}
        {staff && (
          <span className="status-item status-cashier" title={cashier || undefined}>
            <strong>{staff.displayName}</strong>
          </span>
        )}
        <span
          role="status"
          className={`status-item host-${connection}`}
          aria-label={`${t('status.host')}: ${hostState}`}
          title={`${t('status.host')}: ${hostState}`}
        >
          {t('statusBar.host', { state: hostShort })}
        </span>
        <PrinterStatusItem />
        {storagePersisted === false && (
          <span
            role="status"
            className="status-item status-alert"
            aria-label={t('app.storageNotPersisted')}
            title={t('app.storageNotPersisted')}
          >
            ⚠ {t('statusBar.storage')}
          </span>
        )}
        {running && <SyncBadge />}
      </div>
      <div className="status-actions">
        <select
          aria-label={t('status.language')}
          title={t('status.language')}
          value={locale}
          onChange={(e) => useAppStore.setState({ locale: e.target.value as Locale })}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l} title={t(`statusBar.languageName.${l}`)}>
              {t(`statusBar.languageShort.${l}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => toggleHelp()} aria-keyshortcuts="F1">
          {t('status.help')}
        </button>
        {phase === 'selling' && (
          <button type="button" aria-label={t('devices.noSale')} title={t('devices.noSale')} onClick={() => void openDrawerWithoutSale()}>
            {t('statusBar.drawer')}
          </button>
        )}
        {staff && can(staff.role, 'till.settings') && (
          <button
            type="button"
            className="status-icon"
            aria-label={t('devices.open')}
            title={t('devices.open')}
            onClick={() => useDeviceStore.setState({ panelOpen: true })}
          >
            <GearIcon />
          </button>
        )}
        {phase === 'selling' && (
          <button type="button" onClick={() => void signOut().catch(notifyError)} aria-keyshortcuts="Alt+L">
            {t('status.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}

/** A cog drawn in SVG: no icon font to ship, and it reads the same on every till's system fonts. */
function GearIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="4" strokeDasharray="3.1 3.18" />
      <circle cx="12" cy="12" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="12" cy="12" r="2" fill="currentColor" />
    </svg>
  );
}
