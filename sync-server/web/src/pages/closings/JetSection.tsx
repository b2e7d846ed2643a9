import { EVENT_WORDS } from '@pos/core/fiscal/jet-words';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useOfficeClient } from '../../app/client-context';
import { Field } from '../../app/Field';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { useFormat } from './format';
import { JET_CODE_CHOICES, jetQuery, loadJet, NO_JET_FILTERS, type JetEntry, type JetFilters } from './jet-api';

const DETAILS_SHOWN = 300;

/** An event's fields as sealed, on one line: `name: value`, objects as JSON, cut past a few hundred characters. */
function detailsText(details: Readonly<Record<string, unknown>>): string {
  const text = Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
  return text.length > DETAILS_SHOWN ? `${text.slice(0, DETAILS_SHOWN)}…` : text;
}

/** The technical event journal (JET) of the store's tills, newest first: filters, pages, export. */
export function JetSection({ storeId }: { readonly storeId: string }) {
  const { t, i18n } = useTranslation();
  const client = useOfficeClient();
  const errorText = useScopedErrorText('closings.jet');
  const format = useFormat();
  const [draft, setDraft] = useState<JetFilters>(NO_JET_FILTERS);
  const [filters, setFilters] = useState<JetFilters>(NO_JET_FILTERS);
  const [events, setEvents] = useState<readonly JetEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'fr';

  useEffect(() => {
    let current = true;
    setEvents(null);
    setError(null);
    loadJet(client, storeId, filters, null).then(
      (page) => {
        if (!current) return;
        setEvents(page.events);
        setNext(page.next);
      },
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
    // errorText is a new function each render; the store and the filters ask for a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, storeId, filters]);

  const more = () => {
    if (!next) return;
    loadJet(client, storeId, filters, next).then(
      (page) => {
        setEvents((shown) => [...(shown ?? []), ...page.events]);
        setNext(page.next);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const label = (type: string) => (Object.hasOwn(EVENT_WORDS, type) ? EVENT_WORDS[type as keyof typeof EVENT_WORDS][lang] : type);

  return (
    <>
      <form className="filters" aria-label={t('closings.jet.filters')} onSubmit={apply} noValidate>
        <Field
          label={t('closings.jet.till')}
          value={draft.tillId}
          maxLength={64}
          onChange={(e) => setDraft({ ...draft, tillId: e.target.value })}
        />
        <Field
          label={t('closings.jet.from')}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Field label={t('closings.jet.to')} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <label htmlFor="jet-code">{t('closings.jet.code')}</label>
        <select id="jet-code" value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })}>
          <option value="">{t('closings.jet.anyCode')}</option>
          {JET_CODE_CHOICES.map((code) => (
            <option key={code} value={String(code)}>
              {code}
            </option>
          ))}
        </select>
        <button type="submit">{t('closings.jet.apply')}</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <ExportButtons path={`/stores/${encodeURIComponent(storeId)}/jet`} query={jetQuery(filters)} label={t('closings.jet.caption')} />
      {events === null ? (
        error ? null : (
          <p>{t('app.loading')}</p>
        )
      ) : events.length === 0 ? (
        <p>{t('closings.jet.empty')}</p>
      ) : (
        <table>
          <caption>{t('closings.jet.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('closings.jet.code')}</th>
              <th scope="col">{t('closings.jet.event')}</th>
              <th scope="col">{t('closings.jet.time')}</th>
              <th scope="col">{t('closings.jet.till')}</th>
              <th scope="col">{t('closings.jet.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={`${e.tillId}-${e.journal}-${e.seq}`}>
                <td>{e.code ?? '—'}</td>
                <th scope="row">
                  {label(e.type)}
                  {e.status === 'broken' ? ` (${t('closings.jet.broken')})` : ''}
                </th>
                <td>{format.dateTime(e.sealedAt)}</td>
                <td>{e.tillId}</td>
                <td>{detailsText(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" onClick={more}>
          {t('closings.jet.more')}
        </button>
      ) : null}
    </>
  );
}
