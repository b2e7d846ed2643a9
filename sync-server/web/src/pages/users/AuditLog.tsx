import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { AuditChanges } from './AuditChanges';
import { AuditFiltersForm } from './AuditFiltersForm';
import { auditParams, NO_FILTERS, type AuditEntry, type AuditFilters, type UsersApi } from './users-api';

/** The audit log: filters, a page of entries newest first, each change field by field, and paging both ways. */
export function AuditLog({ api }: { readonly api: UsersApi }) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('audit');
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  /** The `before` of each page opened so far, the first page's null: the last one is shown. */
  const [cursors, setCursors] = useState<readonly (number | null)[]>([null]);
  const [page, setPage] = useState<{ entries: readonly AuditEntry[]; next: number | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const before = cursors.at(-1) ?? null;

  useEffect(() => {
    let current = true;
    setProblem(null);
    api.audit(filters, before).then(
      (answer) => current && setPage(answer),
      (error: unknown) => current && setProblem(errorText(error)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- errorText changes each render
  }, [api, filters, before]);

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const kind = (actorKind: string) => t(`audit.actorKinds.${actorKind}`, { defaultValue: actorKind });

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <AuditFiltersForm
        value={filters}
        onApply={(next) => {
          setFilters(next);
          setCursors([null]);
        }}
      />
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {page !== null && page.entries.length === 0 && <p role="status">{t('audit.empty')}</p>}
      {page !== null && page.entries.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>
              {t('audit.caption')} — {t('audit.page', { page: cursors.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.store')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{when(entry.at)}</th>
                  <td>
                    {entry.actor} ({kind(entry.actorKind)})
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.target ?? t('audit.absent')}</td>
                  <td>{entry.storeId ?? t('audit.absent')}</td>
                  <td>
                    <AuditChanges entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page !== null && page.entries.length > 0 && (
        <ExportButtons path="/audit" query={auditParams(filters)} label={t('audit.exportLabel')} />
      )}
      <p>
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('audit.newer')}
        </button>{' '}
        <button
          type="button"
          disabled={page?.next === null || page === null}
          onClick={() => page?.next != null && setCursors((list) => [...list, page.next])}
        >
          {t('audit.older')}
        </button>
      </p>
    </section>
  );
}
