import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidRange, PERIODS, periodRange, type DateRange, type PeriodKind } from './period';

type Props = {
  readonly kind: PeriodKind;
  readonly range: DateRange;
  readonly today: string;
  readonly onChange: (kind: PeriodKind, range: DateRange) => void;
};

/** Today, yesterday, this week, this month, last month, or two dates chosen. */
export function PeriodPicker({ kind, range, today, onChange }: Props) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const [custom, setCustom] = useState<DateRange>(range);
  const [invalid, setInvalid] = useState(false);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const ok = isValidRange(custom);
    setInvalid(!ok);
    if (ok) onChange('custom', custom);
  };
  return (
    <fieldset className="period-picker">
      <legend>{t('dashboard.period')}</legend>
      <div className="section-switch" role="group" aria-label={t('dashboard.period')}>
        {PERIODS.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={kind === name}
            onClick={() => (name === 'custom' ? onChange('custom', range) : onChange(name, periodRange(name, today)))}
          >
            {t(`dashboard.periods.${name}`)}
          </button>
        ))}
      </div>
      {kind === 'custom' ? (
        <form className="custom-range" onSubmit={apply} noValidate>
          <DateField
            id={fromId}
            label={t('dashboard.from')}
            value={custom.from}
            error={invalid ? errorId : null}
            onChange={(from) => setCustom({ ...custom, from })}
          />
          <DateField
            id={toId}
            label={t('dashboard.to')}
            value={custom.to}
            error={invalid ? errorId : null}
            onChange={(to) => setCustom({ ...custom, to })}
          />
          <button type="submit">{t('dashboard.apply')}</button>
          {invalid ? (
            <p id={errorId} role="alert" className="error">
              {t('dashboard.badRange')}
            </p>
          ) : null}
        </form>
      ) : null}
    </fieldset>
  );
}

type DateFieldProps = {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** The id of the error it is described by, when the range is refused. */
  readonly error: string | null;
  readonly onChange: (value: string) => void;
};

function DateField({ id, label, value, error, onChange }: DateFieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ?? undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
