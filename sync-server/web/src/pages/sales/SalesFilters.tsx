import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../staff/staff-api';
import { NO_FILTERS, queryOf, type SalesFilterValues } from './sales-api';

type Props = {
  readonly onSearch: (query: Record<string, string>) => void;
  /** The store's staff, offered by name in the cashier and salesperson fields (ids typed without it). */
  readonly staff?: readonly StaffMember[];
};

const TEXT_FIELDS = [
  ['tillId', 'till', 64],
  ['receipt', 'receipt', 100],
  ['cashier', 'cashier', 64],
  ['salesperson', 'salesperson', 64],
] as const;

/** The list's filters: business dates, till, receipt, amounts in euros, tender, staff, kind. */
export function SalesFilters({ onSearch, staff = [] }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<SalesFilterValues>(NO_FILTERS);
  const [badAmount, setBadAmount] = useState(false);
  const set = (key: keyof SalesFilterValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = queryOf(values);
    setBadAmount(query === null);
    if (query) onSearch(query);
  };
  const reset = () => {
    setValues(NO_FILTERS);
    setBadAmount(false);
    onSearch({});
  };
  const field = (key: keyof SalesFilterValues, label: string, props: Record<string, unknown> = {}) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={values[key]} onChange={set(key)} {...props} />
    </div>
  );
  const choice = (key: 'tender' | 'kind', label: string, options: readonly (readonly [string, string])[]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={values[key]} onChange={set(key)}>
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="sales-filters" role="search" aria-label={t('sales.filters')} onSubmit={submit} noValidate>
      {field('from', t('sales.from'), { type: 'date' })}
      {field('to', t('sales.to'), { type: 'date' })}
      {TEXT_FIELDS.map(([key, label, max]) =>
        field(key, t(`sales.${label}`), {
          maxLength: max,
          autoComplete: 'off',
          list: (key === 'cashier' || key === 'salesperson') && staff.length > 0 ? `${id}-staff` : undefined,
        }),
      )}
      {staff.length > 0 ? (
        <datalist id={`${id}-staff`}>
          {staff.map((person) => (
            <option key={person.staffId} value={person.staffId}>
              {person.displayName}
            </option>
          ))}
        </datalist>
      ) : null}
      {(['minAmount', 'maxAmount'] as const).map((key) =>
        field(key, t(`sales.${key}`), {
          inputMode: 'decimal',
          maxLength: 12,
          'aria-invalid': badAmount,
          'aria-describedby': badAmount ? `${id}-amount-error` : undefined,
        }),
      )}
      {choice('tender', t('sales.tender'), [
        ['', t('sales.anyTender')],
        ['cash', t('sales.tenders.cash')],
        ['card', t('sales.tenders.card')],
        ['gift_card', t('sales.tenders.gift_card')],
        ['store_credit', t('sales.tenders.store_credit')],
      ])}
      {choice('kind', t('sales.kind'), [
        ['', t('sales.anyKind')],
        ['sale', t('sales.kinds.sale')],
        ['return', t('sales.kinds.return')],
      ])}
      {badAmount ? (
        <p id={`${id}-amount-error`} role="alert" className="error">
          {t('sales.badAmount')}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">{t('sales.search')}</button>
        <button type="button" onClick={reset}>
          {t('sales.reset')}
        </button>
      </div>
    </form>
  );
}
