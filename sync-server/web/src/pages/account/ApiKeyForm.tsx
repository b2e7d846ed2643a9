import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeRole } from '../../api/office-client';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { parseStores } from '../users/users-api';
import {
  dayFromToday,
  expiryAllowed,
  expiryOf,
  MAX_KEY_LABEL_LENGTH,
  MAX_KEY_STORES,
  scopesFor,
  type KeyScope,
  type NewApiKey,
} from './api-keys-api';

type Props = { readonly role: OfficeRole; readonly onCreate: (key: NewApiKey) => Promise<void> };

/** A new key: a label, rights among the role's, optionally some of the user's stores, an expiry within a year. */
export function ApiKeyForm({ role, onCreate }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('apiKeys');
  const legendId = useId();
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<readonly KeyScope[]>(['store.read']);
  const [stores, setStores] = useState('');
  const [expiry, setExpiry] = useState(dayFromToday(90));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const ids = parseStores(stores);
    const expiresAt = expiryOf(expiry);
    const mistake =
      !label.trim() || label.trim().length > MAX_KEY_LABEL_LENGTH
        ? t('apiKeys.labelRequired')
        : scopes.length === 0
          ? t('apiKeys.scopeRequired')
          : ids === null || ids.length > MAX_KEY_STORES
            ? t('apiKeys.storesInvalid')
            : expiresAt === null || !expiryAllowed(expiresAt)
              ? t('apiKeys.expiryInvalid')
              : null;
    setProblem(mistake);
    if (mistake !== null) return;
    setBusy(true);
    try {
      await onCreate({ label: label.trim(), scopes, ...(ids && ids.length > 0 ? { stores: ids } : {}), expiresAt: expiresAt! });
      setLabel('');
      setStores('');
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (scope: KeyScope, on: boolean) => setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
  return (
    <PanelForm title={t('apiKeys.createTitle')} problem={problem} onSubmit={submit}>
      <Field
        label={t('apiKeys.labelField')}
        maxLength={MAX_KEY_LABEL_LENGTH}
        required
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <fieldset aria-labelledby={legendId}>
        <legend id={legendId}>{t('apiKeys.scopesLegend')}</legend>
        {scopesFor(role).map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />{' '}
            {t(`apiKeys.scopeNames.${scope.replace('.', '_')}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('apiKeys.storesField')} maxLength={7_000} value={stores} onChange={(e) => setStores(e.target.value)} />
      <Field
        label={t('apiKeys.expiryField')}
        type="date"
        required
        min={dayFromToday(1)}
        max={dayFromToday(365)}
        value={expiry}
        onChange={(e) => setExpiry(e.target.value)}
      />
      <p>
        <button type="submit" disabled={busy}>
          {t('apiKeys.create')}
        </button>
      </p>
    </PanelForm>
  );
}
