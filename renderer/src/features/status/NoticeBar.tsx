import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';

/** The one message for the cashier; errors are alerts so screen readers speak them. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  const urgent = notice.level === 'error' || notice.level === 'warning';
  const words = [...(notice.words ? [notice.words] : []), ...(notice.details?.flatMap((d) => (d.words ? [d.words] : [])) ?? [])];
  return (
    <div className={`notice notice-${notice.level}`} role={urgent ? 'alert' : 'status'}>
      <div>
        <span>{t(notice.key, notice.values ?? {})}</span>
        {notice.details && (
          <ul className="notice-details">
            {notice.details.map((detail, i) => (
              <li key={i}>{t(detail.key, detail.values ?? {})}</li>
            ))}
          </ul>
        )}
        {words.length > 0 && (
          // The host's own words, in English, for support: folded away, never the message itself.
          <details className="notice-words">
            <summary>{t('errors.hostWords')}</summary>
            <ul lang="en">
              {words.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <button type="button" onClick={dismiss} aria-label={t('actions.close')}>
        ✕
      </button>
    </div>
  );
}
