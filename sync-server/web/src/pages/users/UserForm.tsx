import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICE_ROLES, type OfficeRole } from '../../api/office-client';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import {
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  parseStores,
  storesProblem,
  type NewUser,
  type OfficeUserInfo,
  type StoreChoice,
  type UserChange,
} from './users-api';
import { UserStoresField } from './UserStoresField';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Props = {
  /** The chain's stores to pick from; undefined while they load, null when they cannot be read (their ids are then typed). */
  readonly stores: readonly StoreChoice[] | null | undefined;
} & (
  | { readonly user?: undefined; readonly onSubmit: (user: NewUser) => Promise<void>; readonly onCancel?: undefined }
  | { readonly user: OfficeUserInfo; readonly onSubmit: (change: UserChange) => Promise<void>; readonly onCancel: () => void }
);

/** Creates a user (e-mail, name, role, stores), or changes one's role and stores: checked here first, in the page's language. */
export function UserForm(props: Props) {
  const { user, stores: choices } = props;
  const { t } = useTranslation();
  const errorText = useScopedErrorText('users');
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<OfficeRole>(user?.role ?? 'store-manager');
  const [picked, setPicked] = useState<readonly string[]>(user?.stores ?? []);
  const [typed, setTyped] = useState(user?.stores.join(', ') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The stores as picked, or as typed while the list cannot be read (null: a typed id is not one). */
  const chosenStores = (): readonly string[] | null => (role === 'admin' ? [] : choices === null ? parseStores(typed) : picked);

  const check = (): string | null => {
    if (!user && (email.trim().length > MAX_EMAIL_LENGTH || !EMAIL.test(email.trim()))) return t('users.emailInvalid');
    if (!user && name.trim().length > MAX_NAME_LENGTH) return t('users.nameTooLong');
    const ids = chosenStores();
    if (ids === null) return t('users.storesInvalid');
    const wrong = storesProblem(role, ids);
    return wrong === null ? null : t(wrong);
  };

  const submit = async () => {
    const mistake = check();
    setProblem(mistake);
    if (mistake !== null) return;
    const ids = chosenStores() ?? [];
    setBusy(true);
    try {
      if (props.user) await props.onSubmit({ role, stores: ids });
      else {
        await props.onSubmit({ email: email.trim(), ...(name.trim() ? { displayName: name.trim() } : {}), role, stores: ids });
        setEmail('');
        setName('');
        setPicked([]);
        setTyped('');
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PanelForm title={user ? t('users.editTitle', { email: user.email }) : t('users.createTitle')} problem={problem} onSubmit={submit}>
      {!user && (
        <>
          <Field
            label={t('users.email')}
            type="email"
            autoComplete="off"
            maxLength={MAX_EMAIL_LENGTH}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field label={t('users.nameOptional')} maxLength={MAX_NAME_LENGTH} value={name} onChange={(e) => setName(e.target.value)} />
        </>
      )}
      <label htmlFor={roleId}>{t('users.role')}</label>
      <select
        id={roleId}
        value={role}
        onChange={(e) => {
          const next = e.target.value as OfficeRole;
          setRole(next);
          // An administrator covers every store; a store manager keeps one.
          if (next === 'admin') {
            setPicked([]);
            setTyped('');
          } else if (next === 'store-manager') setPicked((ids) => ids.slice(0, 1));
        }}
      >
        {OFFICE_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <UserStoresField role={role} choices={choices} picked={picked} onPick={setPicked} typed={typed} onType={setTyped} />
      <p>
        <button type="submit" disabled={busy}>
          {user ? t('users.save') : t('users.create')}
        </button>{' '}
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('users.cancel')}
          </button>
        )}
      </p>
    </PanelForm>
  );
}
