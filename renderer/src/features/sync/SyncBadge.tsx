import { useTranslation } from 'react-i18next';
import { useStoreDates } from '../../i18n/use-store-dates';
import { useSyncStore } from '../../state/sync-store';
import { SyncIcon } from '../status/StatusIcons';

/** Always on screen: hub link online/offline, documents waiting to be sent, last successful sync. */
export function SyncBadge() {
  const { t } = useTranslation();
  const dates = useStoreDates();
  const { hub, pending, catalog, issues } = useSyncStore();
  const state = !hub?.enrolled ? 'notEnrolled' : hub.online ? 'online' : 'offline';
  const importing = catalog && !catalog.done && catalog.total > 0;
  const label = [
    t(`sync.${state}`),
    t('sync.pending', { count: pending }),
    hub?.lastSyncAt ? t('sync.last', { time: dates.time(hub.lastSyncAt) }) : null,
    importing ? t('sync.catalog', { percent: Math.floor((catalog.imported * 100) / catalog.total) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  // On screen, after the pictogram, the state over what calls for attention (documents waiting,
  // an import): two short lines fit a 1024 px bar. The rest of the line is there for screen
  // readers, so the button's name is the whole line and starts with what is seen.
  const progress = importing ? t('sync.catalog', { percent: Math.floor((catalog.imported * 100) / catalog.total) }) : null;
  const waiting = t('sync.pending', { count: pending });
  const detail = progress ?? (pending > 0 ? waiting : null);
  const unseen = [detail === waiting ? null : waiting, hub?.lastSyncAt ? t('sync.last', { time: dates.time(hub.lastSyncAt) }) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <button
      type="button"
      className={`sync-badge sync-${state}`}
      title={`${t('sync.title')}: ${label}`}
      onClick={() => useSyncStore.setState({ panelOpen: true })}
    >
      <SyncIcon />
      <span className="visually-hidden">{t('sync.title')}: </span>
      <span className="sync-lines">
        <span>{t(`sync.${state}`)}</span>
        {detail && (
          <span>
            <span className="visually-hidden"> · </span>
            {detail}
          </span>
        )}
      </span>
      {unseen && <span className="visually-hidden"> · {unseen}</span>}
      {issues.length > 0 && <span className="sync-issues"> ⚠ {issues.length}</span>}
    </button>
  );
}
