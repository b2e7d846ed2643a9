import { can } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { services } from '../../state/services';
import { useSyncStore } from '../../state/sync-store';
import { Overlay } from '../dialogs/Overlay';
import { SupportWords } from '../errors/SupportWords';
import { SyncIssueList } from './SyncIssueList';

function EnrollForm() {
  const { t } = useTranslation();
  const staff = useAppStore((s) => s.staff);
  // The address the till was started with (--hub), or the one it was enrolled with before.
  const [hubUrl, setHubUrl] = useState(useSyncStore.getState().hub?.hubUrl ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  if (!staff || !can(staff.role, 'till.settings')) return <p>{t('sync.managerOnly')}</p>;
  return (
    <form
      className="enroll-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        services()
          .bridge.invoke('hub.enroll', { hubUrl: hubUrl.trim(), code: code.trim() })
          .then((hub) => {
            useSyncStore.setState({ hub });
            useAppStore.getState().notify('success', 'sync.enrolled', { store: hub.storeId, till: hub.tillId });
          }, notifyError)
          .finally(() => setBusy(false));
      }}
    >
      <h3>{t('sync.enrollTitle')}</h3>
      <label>
        <span>{t('sync.hubUrl')}</span>
        <input type="url" required placeholder="https://hub.example.com" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} />
      </label>
      <label>
        <span>{t('sync.code')}</span>
        <input required autoComplete="off" placeholder="ABCD-EFGH-JKLM" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('sync.enroll')}
      </button>
    </form>
  );
}

/** The details behind the badge: the hub, what waits, what went wrong; enrollment for a manager. */
export function SyncPanel() {
  const { t } = useTranslation();
  const dates = useStoreDates();
  const { panelOpen, hub, pending, catalog, issues } = useSyncStore();
  if (!panelOpen) return null;
  const close = () => useSyncStore.setState({ panelOpen: false });
  return (
    <Overlay label={t('sync.panelTitle')} className="sync-panel" onClose={close} closeOnBackdrop>
      <h2>{t('sync.panelTitle')}</h2>
      <dl>
        <div>
          <dt>{t('sync.hub')}</dt>
          <dd>{hub?.hubUrl ?? t('sync.notEnrolled')}</dd>
        </div>
        <div>
          <dt>{t('sync.state')}</dt>
          <dd>{t(`sync.${!hub?.enrolled ? 'notEnrolled' : hub.online ? 'online' : 'offline'}`)}</dd>
        </div>
        <div>
          <dt>{t('sync.waiting')}</dt>
          <dd>{pending}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd>{hub?.lastSyncAt ? dates.dateTime(hub.lastSyncAt) : '—'}</dd>
        </div>
        {catalog && (
          <div>
            <dt>{t('sync.catalogTitle')}</dt>
            <dd>
              {catalog.imported} / {catalog.total}
            </dd>
          </div>
        )}
        {hub?.lastError && (
          <div>
            <dt>{t('sync.lastError')}</dt>
            <dd>
              {t('sync.lastErrorText')}
              <SupportWords words={hub.lastError} />
            </dd>
          </div>
        )}
      </dl>
      <h3>{t('sync.issues')}</h3>
      <SyncIssueList issues={issues} />
      {!hub?.enrolled && <EnrollForm />}
      <button type="button" onClick={close}>
        {t('actions.close')}
      </button>
    </Overlay>
  );
}
