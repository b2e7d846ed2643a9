import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';

/** The one message for the cashier; errors are alerts so screen readers speak them. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  const urgent = notice.level === 'error' || notice.level === 'warning';
  return (
    <div className={`notice notice-${notice.level}`} role={urgent ? 'alert' : 'status'}>
      <span>{t(notice.key, notice.values ?? {})}</span>
      <button type="button" onClick={dismiss} aria-label={t('actions.close')}>
        ✕
      </button>
    </div>
  );
}
