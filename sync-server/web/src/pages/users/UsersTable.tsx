import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../app/ConfirmAction';
import type { OfficeUserInfo } from './users-api';

type Props = {
  readonly users: readonly OfficeUserInfo[];
  readonly onEdit: (user: OfficeUserInfo) => void;
  readonly onDisabled: (user: OfficeUserInfo, disabled: boolean) => void;
  readonly onResetPassword: (user: OfficeUserInfo) => void;
  readonly onResetTotp: (user: OfficeUserInfo) => void;
};

/** The back office's users: who, role, stores, second factor, status, last sign-in, and what an administrator may change. */
export function UsersTable({ users, onEdit, onDisabled, onResetPassword, onResetTotp }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) =>
    iso === null ? t('users.never') : new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const status = (user: OfficeUserInfo) =>
    user.disabled ? t('users.disabled') : user.lockedUntil !== null ? t('users.locked') : t('users.enabled');
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.stores')}</th>
            <th scope="col">{t('users.secondFactor')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastSignIn')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.userId}>
              <th scope="row">{user.email}</th>
              <td>{user.displayName}</td>
              <td>{t(`roles.${user.role}`)}</td>
              <td>{user.role === 'admin' ? t('users.allStores') : user.stores.join(', ')}</td>
              <td>{user.totpEnabled ? t('users.on') : t('users.off')}</td>
              <td>{status(user)}</td>
              <td>{when(user.lastSignInAt)}</td>
              <td>
                <div role="group" aria-label={t('users.actionsFor', { email: user.email })}>
                  <button type="button" onClick={() => onEdit(user)}>
                    {t('users.edit')}
                  </button>{' '}
                  <ConfirmAction
                    label={t('users.resetPassword')}
                    question={t('users.resetPasswordQuestion', { email: user.email })}
                    onConfirm={() => onResetPassword(user)}
                  />{' '}
                  {user.totpEnabled && (
                    <ConfirmAction
                      label={t('users.resetTotp')}
                      question={t('users.resetTotpQuestion', { email: user.email })}
                      onConfirm={() => onResetTotp(user)}
                    />
                  )}{' '}
                  {user.disabled ? (
                    <button type="button" onClick={() => onDisabled(user, false)}>
                      {t('users.enable')}
                    </button>
                  ) : (
                    <ConfirmAction
                      label={t('users.disable')}
                      question={t('users.disableQuestion', { email: user.email })}
                      onConfirm={() => onDisabled(user, true)}
                    />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
