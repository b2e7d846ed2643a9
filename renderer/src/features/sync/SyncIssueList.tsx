import { useTranslation } from 'react-i18next';
import { useStoreDates } from '../../i18n/use-store-dates';
import type { SyncIssue } from '../../state/sync-store';
import { SupportWords } from '../errors/SupportWords';

/** What the sync could not do, newest first: when, which data, and what, in the cashier's language. */
export function SyncIssueList({ issues }: { issues: readonly SyncIssue[] }) {
  const { t } = useTranslation();
  const dates = useStoreDates();
  if (issues.length === 0) return <p>{t('sync.noIssues')}</p>;
  return (
    <ul aria-label={t('sync.issues')}>
      {issues.map((issue) => (
        <li key={`${issue.at}-${issue.collection}-${issue.message.key}-${issue.words ?? ''}`}>
          {dates.dateTime(issue.at)} · {t(`sync.collections.${issue.collection}`)} · {t(issue.message.key, issue.message.values ?? {})}
          <SupportWords words={issue.words} />
        </li>
      ))}
    </ul>
  );
}
