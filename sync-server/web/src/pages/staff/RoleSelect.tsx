import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from './staff-api';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (role: StaffRole) => void;
  readonly disabled?: boolean;
  /** In a table row the column says it: the label is for screen readers only. */
  readonly hideLabel?: boolean;
};

/** A labelled choice among the store roles, named in the page's language. */
export function RoleSelect({ label, value, onChange, disabled, hideLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as StaffRole)}>
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`staff.roles.${role}`)}
          </option>
        ))}
      </select>
    </>
  );
}
