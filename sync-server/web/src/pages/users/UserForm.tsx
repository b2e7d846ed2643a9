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
  type UserChange,
} from './users-api';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Props =
  | { readonly user?: undefined; readonly onSubmit: (user: NewUser) => Promise<void>; readonly onCancel?: undefined }
  | { readonly user: OfficeUserInfo; readonly onSubmit: (change: UserChange) => Promise<void>; readonly onCancel: () => void };

/** Creates a user (e-mail, name, role, stores), or changes one's role and stores: checked here first, in the page's language. */
export function UserForm(props: Props) {
  const { user } = props;
  const { t } = useTranslation();
  const errorText = useScopedErrorText('users');
  const roleId = useId();
  const helpId = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<OfficeRole>(user?.role ?? 'store-manager');
  const [stores, setStores] = useState(user?.stores.join(', ') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (): string | null => {
    if (!user && (email.trim().length > MAX_EMAIL_LENGTH || !EMAIL.test(email.trim()))) return t('users.emailInvalid');
    if (!user && name.trim().length > MAX_NAME_LENGTH) return t('users.nameTooLong');
    const ids = parseStores(stores);
    if (ids === null) return t('users.storesInvalid');
    const wrong = storesProblem(role, ids);
    return wrong === null ? null : t(wrong);
  };

  const submit = async () => {
    const mistake = check();
    setProblem(mistake);
    if (mistake !== null) return;
    const ids = parseStores(stores) ?? [];
    setBusy(true);
    try {
      if (props.user) await props.onSubmit({ role, stores: ids });
      else {
        await props.onSubmit({ email: email.trim(), ...(name.trim() ? { displayName: name.trim() } : {}), role, stores: ids });
        setEmail('');
        setName('');
        setStores('');
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
          if (next === 'admin') setStores('');
        }}
      >
        {OFFICE_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <Field
        label={t('users.storesField')}
        aria-describedby={helpId}
        disabled={role === 'admin'}
        maxLength={20_000}
        value={stores}
        onChange={(e) => setStores(e.target.value)}
      />
      <p id={helpId} className="help">
        {t('users.storesHelp')}
      </p>
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
