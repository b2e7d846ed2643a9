import { useTranslation } from 'react-i18next';
import { signOut } from '../../app/boot';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { useMaybeServices } from '../../state/services';
import { SyncBadge } from '../sync/SyncBadge';
import { MoreActions } from './MoreActions';
import { PrinterStatusItem } from './PrinterStatusItem';
import './status-bar.css';

/**
 * Store, till, cashier, host, printer and sync state, then the actions (language, drawer and
 * devices folded on a narrow screen, help, lock): always on screen, on one line down to a 1024 px
 * till. The states are short words (the full sentence in their title and accessible name) and may
 * shrink; the buttons never do.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const { phase, staff, connection, storagePersisted } = useAppStore();
  const toggleHelp = useAppStore((s) => s.toggleHelp);
  const running = useMaybeServices();
  const hostState = {
    connected: t('status.hostConnected'),
    connecting: t('status.hostConnecting'),
    disconnected: t('status.hostDisconnected'),
    unauthorized: t('status.hostRestarted'),
  }[connection];
  // Connected is the dot's green alone; any other state is said in words.
  const hostShort =
    connection === 'connected'
      ? t('status.host')
      : t('statusBar.host', { state: connection === 'unauthorized' ? t('statusBar.hostRestarted') : hostState });
  const place = running && t('statusBar.place', { store: running.profile.name, till: running.profile.tillLabel });
  const cashier = staff && t('statusBar.cashier', { name: staff.displayName });
  return (
    <header className="status-bar">
      <div className="status-states">
        {running && (
          <>
            <span className="status-item status-place" title={place || undefined}>
              {running.profile.name}
            </span>
            <strong className="status-item status-keep" title={place || undefined}>
              {t('status.till')} {running.profile.tillLabel}
            </strong>
          </>
        )}
        {staff && (
          <strong className="status-item status-keep" title={cashier || undefined}>
            {staff.displayName}
          </strong>
        )}
        <span
          role="status"
          className={`status-item host-${connection}`}
          aria-label={`${t('status.host')}: ${hostState}`}
          title={`${t('status.host')}: ${hostState}`}
        >
          {hostShort}
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
        <MoreActions />
        <button type="button" onClick={() => toggleHelp()} aria-keyshortcuts="F1">
          {t('status.help')}
        </button>
        {phase === 'selling' && (
          <button type="button" onClick={() => void signOut().catch(notifyError)} aria-keyshortcuts="Alt+L">
            {t('status.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
