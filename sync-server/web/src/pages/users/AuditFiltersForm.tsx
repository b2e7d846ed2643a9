import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { MAX_FILTER_LENGTH, NO_FILTERS, type AuditFilters } from './users-api';

type Props = { readonly value: AuditFilters; readonly onApply: (filters: AuditFilters) => void };

/** The audit log's filters: who, what (part of an action or route), and a period of calendar days. */
export function AuditFiltersForm({ value, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(value);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (field: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  return (
    <PanelForm
      title={t('audit.filtersTitle')}
      problem={problem}
      onSubmit={() => {
        const wrong = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
        setProblem(wrong ? t('audit.periodInvalid') : null);
        if (!wrong) onApply(draft);
      }}
    >
      <Field label={t('audit.actor')} maxLength={MAX_FILTER_LENGTH} value={draft.actor} onChange={set('actor')} />
      <Field label={t('audit.action')} maxLength={MAX_FILTER_LENGTH} value={draft.action} onChange={set('action')} />
      <Field label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} />
      <Field label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} />
      <p>
        <button type="submit">{t('audit.apply')}</button>{' '}
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            setProblem(null);
            onApply(NO_FILTERS);
          }}
        >
          {t('audit.clear')}
        </button>
      </p>
    </PanelForm>
  );
}
