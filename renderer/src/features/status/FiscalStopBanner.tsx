import { useTranslation } from 'react-i18next';
import { useAppStore, type Message } from '../../state/app-store';
import { describeRecordProblem } from './record-problem';

/** A journal can hold thousands of records after the damage: the first ones name where to look. */
const SHOWN = 5;

/**
 * The host cannot seal (its journal is damaged, or a write failed): nothing is sold until support
 * restores it. Shown to everyone, whoever is signed in, naming the records in words.
 */
export function FiscalStopBanner() {
  const { t } = useTranslation();
  const fiscal = useAppStore((s) => s.fiscal);
  // From the hello itself: the banner shows before the till's databases (and its services) are open.
  const tillId = useAppStore((s) => s.tillId);
  if (fiscal.state !== 'stopped') return null;
  const say = (m: Message) => t(m.key, m.values ?? {});
  const shown = fiscal.problems.slice(0, SHOWN).map((p) => describeRecordProblem(p, tillId));
  return (
    <section className="fiscal-stop" role="alert" aria-label={t('fiscal.title')}>
      <h2>{t('fiscal.title')}</h2>
      <p>{t(`fiscal.reason.${fiscal.reason}`)}</p>
      {shown.length > 0 && (
        <ul className="fiscal-problems">
          {shown.map((p, i) => (
            <li key={i}>
              {t('fiscal.problemLine', { record: say(p.record), what: say(p.what) })}
              <details>
                <summary>{t('errors.hostWords')}</summary>
                <span lang="en">{p.words}</span>
              </details>
            </li>
          ))}
        </ul>
      )}
      {fiscal.problems.length > SHOWN && <p>{t('fiscal.more', { count: fiscal.problems.length - SHOWN })}</p>}
      <p className="fiscal-call">{t('fiscal.callSupport')}</p>
    </section>
  );
}
