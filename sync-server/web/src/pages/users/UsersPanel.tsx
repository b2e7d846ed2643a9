import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { ShownOnce } from './ShownOnce';
import { UserForm } from './UserForm';
import type { OfficeUserInfo, StoreChoice, UserChange, UsersApi, WithPassword } from './users-api';
import { UsersTable } from './UsersTable';

/** The users: the table, the changes to each, the one-time password of a new or reset user (shown once), the form creating one. */
export function UsersPanel({ api }: { readonly api: UsersApi }) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('users');
  const [users, setUsers] = useState<readonly OfficeUserInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<OfficeUserInfo | null>(null);
  const [oneTime, setOneTime] = useState<WithPassword | null>(null);
  // undefined while the list loads; null when it cannot be read.
  const [stores, setStores] = useState<readonly StoreChoice[] | null | undefined>(undefined);

  const load = useCallback(() => {
    api.list().then(setUsers, (error: unknown) => setProblem(errorText(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- errorText changes each render
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => {
    let live = true;
    // Without the list, the forms take typed store ids.
    api.stores().then(
      (list) => live && setStores(list),
      () => live && setStores(null),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const replace = (user: OfficeUserInfo) => setUsers((list) => (list ?? []).map((u) => (u.userId === user.userId ? user : u)));
  const change = (user: OfficeUserInfo, change: UserChange, done: string) => {
    setProblem(null);
    setNotice(null);
    api.update(user.userId, change).then(
      (updated) => {
        replace(updated);
        setNotice(done);
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  };
  const resetPassword = (user: OfficeUserInfo) => {
    setProblem(null);
    setNotice(null);
    api.resetPassword(user.userId).then(
      (answer) => {
        replace(answer.user);
        setOneTime(answer);
        setNotice(t('users.passwordReset', { email: user.email }));
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  };

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t('users.listTitle')}</h2>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p role="status">{notice}</p>
      {oneTime && (
        <ShownOnce
          title={t('users.oneTimeTitle', { email: oneTime.user.email })}
          help={t('users.oneTimeHelp')}
          secret={oneTime.oneTimePassword}
          onDismiss={() => setOneTime(null)}
        />
      )}
      {users === null ? (
        problem === null && <p>{t('app.loading')}</p>
      ) : (
        <UsersTable
          users={users}
          onEdit={setEditing}
          onDisabled={(user, disabled) =>
            change(user, { disabled }, t(disabled ? 'users.disabledDone' : 'users.enabledDone', { email: user.email }))
          }
          onResetPassword={resetPassword}
          onResetTotp={(user) => change(user, { resetTotp: true }, t('users.totpReset', { email: user.email }))}
        />
      )}
      {users !== null && <ExportButtons path="/users" label={t('users.exportLabel')} />}
      {editing && (
        <UserForm
          key={editing.userId}
          user={editing}
          stores={stores}
          onCancel={() => setEditing(null)}
          onSubmit={async (edit) => {
            const updated = await api.update(editing.userId, edit);
            replace(updated);
            setEditing(null);
            setNotice(t('users.updated', { email: updated.email }));
          }}
        />
      )}
      <UserForm
        stores={stores}
        onSubmit={async (user) => {
          const created = await api.create(user);
          setUsers((list) => [...(list ?? []), created.user]);
          setOneTime(created);
          setNotice(t('users.created', { email: created.user.email }));
        }}
      />
    </section>
  );
}
