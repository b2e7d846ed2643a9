import { useTranslation } from 'react-i18next';
import { auditDiff } from './audit-diff';
import type { AuditEntry } from './users-api';

/** An audit entry's before and after, field by field, folded (a summary says how many fields changed). */
export function AuditChanges({ entry }: { readonly entry: AuditEntry }) {
  const { t } = useTranslation();
  const { changed, unchanged } = auditDiff(entry.before, entry.after);
  if (changed.length === 0) return <>{unchanged > 0 ? t('audit.unchanged', { count: unchanged }) : t('audit.noDetail')}</>;
  const shown = (value: string | undefined) => (value === undefined || value === '' ? t('audit.absent') : value);
  return (
    <details>
      <summary>{changed.map((c) => c.field).join(', ')}</summary>
      <table>
        <caption className="visually-hidden">{t('audit.diffCaption', { id: entry.id })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.field}</th>
              <td>{c.before === undefined ? shown(c.before) : <del>{shown(c.before)}</del>}</td>
              <td>{c.after === undefined ? shown(c.after) : <ins>{shown(c.after)}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unchanged > 0 && <p className="note">{t('audit.unchanged', { count: unchanged })}</p>}
    </details>
  );
}
