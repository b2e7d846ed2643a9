import { useTranslation } from 'react-i18next';

/** Words from the hub, the host or a driver, in English, for support: folded away, never the message itself. */
export function SupportWords({ words }: { words: string | undefined | null }) {
  const { t } = useTranslation();
  if (!words) return null;
  return (
    <details className="support-words">
      <summary>{t('errors.hostWords')}</summary>
      <span lang="en">{words}</span>
    </details>
  );
}
