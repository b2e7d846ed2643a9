import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeMe } from '../../api/office-client';
import { ConfirmAction } from '../../app/ConfirmAction';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { ShownOnce } from '../users/ShownOnce';
import { ApiKeyForm } from './ApiKeyForm';
import type { ApiKeyInfo, ApiKeysApi } from './api-keys-api';

/** The signed-in user's API keys: the list (never a secret), revocation, and a new key whose secret is shown once. */
export function ApiKeysPanel({ api, me }: { readonly api: ApiKeysApi; readonly me: OfficeMe }) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('apiKeys');
  const [keys, setKeys] = useState<readonly ApiKeyInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ label: string; secret: string } | null>(null);

  const load = useCallback(() => {
    api.list().then(setKeys, (error: unknown) => setProblem(errorText(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- errorText changes each render
  }, [api]);
  useEffect(load, [load]);

  const day = (iso: string | null) =>
    iso === null ? t('apiKeys.never') : new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  const status = (key: ApiKeyInfo) =>
    key.revokedAt !== null ? t('apiKeys.revoked') : Date.parse(key.expiresAt) <= Date.now() ? t('apiKeys.expired') : t('apiKeys.active');
  const revoke = (key: ApiKeyInfo) => {
    setProblem(null);
    setNotice(null);
    api.revoke(key.keyId).then(
      (revoked) => {
        setKeys((list) => (list ?? []).map((k) => (k.keyId === revoked.keyId ? revoked : k)));
        setNotice(t('apiKeys.revokedDone', { label: key.label }));
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  };

  return (
    <section aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">{t('apiKeys.title')}</h2>
      <p>{t('apiKeys.intro')}</p>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p role="status">{notice}</p>
      {secret && (
        <ShownOnce
          title={t('apiKeys.secretTitle', { label: secret.label })}
          help={t('apiKeys.secretHelp')}
          secret={secret.secret}
          onDismiss={() => setSecret(null)}
        />
      )}
      {keys !== null && keys.length === 0 && <p>{t('apiKeys.empty')}</p>}
      {keys !== null && keys.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>{t('apiKeys.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.label')}</th>
                <th scope="col">{t('apiKeys.scopes')}</th>
                <th scope="col">{t('apiKeys.stores')}</th>
                <th scope="col">{t('apiKeys.createdAt')}</th>
                <th scope="col">{t('apiKeys.expiresAt')}</th>
                <th scope="col">{t('apiKeys.lastUsed')}</th>
                <th scope="col">{t('apiKeys.status')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.keyId}>
                  <th scope="row">{key.label}</th>
                  <td>{key.scopes.map((s) => t(`apiKeys.scopeNames.${s.replace('.', '_')}`, { defaultValue: s })).join(' ; ')}</td>
                  <td>{key.stores === null ? t('apiKeys.allMine') : key.stores.join(', ')}</td>
                  <td>{day(key.createdAt)}</td>
                  <td>{day(key.expiresAt)}</td>
                  <td>{day(key.lastUsedAt)}</td>
                  <td>
                    {status(key)}{' '}
                    {key.revokedAt === null && Date.parse(key.expiresAt) > Date.now() && (
                      <ConfirmAction
                        label={t('apiKeys.revoke')}
                        question={t('apiKeys.revokeQuestion', { label: key.label })}
                        onConfirm={() => revoke(key)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ApiKeyForm
        role={me.role}
        onCreate={async (input) => {
          const created = await api.create(input);
          setKeys((list) => [created.key, ...(list ?? [])]);
          setSecret({ label: created.key.label, secret: created.secret });
        }}
      />
    </section>
  );
}
