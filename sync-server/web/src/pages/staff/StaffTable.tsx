import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../app/ConfirmAction';
import { RoleSelect } from './RoleSelect';
import type { StaffMember, StaffRole } from './staff-api';

type Props = {
  readonly staff: readonly StaffMember[];
  /** May the user change people (role, PIN, disable)? Read-only otherwise. */
  readonly editable: boolean;
  readonly onRole: (person: StaffMember, role: StaffRole) => void;
  readonly onDisabled: (person: StaffMember, disabled: boolean) => void;
  readonly onResetPin: (person: StaffMember) => void;
};

/** A store's staff: name, role, badge, status, and the changes the user may make to each person. */
export function StaffTable({ staff, editable, onRole, onDisabled, onResetPin }: Props) {
  const { t } = useTranslation();
  if (staff.length === 0) return <p>{t('staff.empty')}</p>;
  return (
    <table>
      <caption>{t('staff.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.name')}</th>
          <th scope="col">{t('staff.role')}</th>
          <th scope="col">{t('staff.badge')}</th>
          <th scope="col">{t('staff.status')}</th>
          {editable && <th scope="col">{t('staff.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {staff.map((person) => (
          <tr key={person.staffId}>
            <th scope="row">{person.displayName}</th>
            <td>
              {editable ? (
                <RoleSelect
                  hideLabel
                  label={t('staff.roleOf', { name: person.displayName })}
                  value={person.role}
                  onChange={(role) => onRole(person, role)}
                />
              ) : (
                t(`staff.roles.${person.role}`, { defaultValue: person.role })
              )}
            </td>
            <td>{person.badgeCode ? t('staff.yes') : t('staff.no')}</td>
            <td>{person.disabled ? t('staff.disabled') : t('staff.enabled')}</td>
            {editable && (
              <td>
                <button type="button" onClick={() => onResetPin(person)}>
                  {t('staff.resetPin')}
                </button>{' '}
                {person.disabled ? (
                  <button type="button" onClick={() => onDisabled(person, false)}>
                    {t('staff.enable')}
                  </button>
                ) : (
                  <ConfirmAction
                    label={t('staff.disable')}
                    question={t('staff.disableQuestion', { name: person.displayName })}
                    onConfirm={() => onDisabled(person, true)}
                  />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
