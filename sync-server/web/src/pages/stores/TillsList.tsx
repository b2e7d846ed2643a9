import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../app/ConfirmAction';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { StoresApi, TillSummary } from './stores-api';

type Props = { readonly api: StoresApi; readonly storeId: string; readonly canRevoke: boolean };

/** A store's tills as the hub knows them; administrators revoke one from its row, once confirmed. */
export function TillsList({ api, storeId, canRevoke }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('stores');
  const [tills, setTills] = useState<readonly TillSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(
    () => api.listTills(storeId).then(setTills, (error: unknown) => setProblem(errorText(error))),
    // errorText is a new function each render; the list depends on the store alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, storeId],
  );
  useEffect(() => void load(), [load]);

  const revoke = async (till: string) => {
    setDone(null);
    try {
      const count = await api.revoke(storeId, till);
      setProblem(null);
      setDone(t('stores.revoked', { till, count }));
      await load();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const when = (iso: string | null) =>
    iso === null ? t('stores.never') : new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="panel" aria-label={t('stores.listTitle')}>
      <h2>{t('stores.listTitle')}</h2>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {tills !== null && tills.length === 0 && <p>{t('stores.noTills')}</p>}
      {tills !== null && tills.length > 0 && (
        <ExportButtons path={`/stores/${encodeURIComponent(storeId)}/tills`} label={t('stores.listTitle')} />
      )}
      {tills !== null && tills.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stores.tillId')}</th>
              <th scope="col">{t('stores.lastSeen')}</th>
              <th scope="col">{t('stores.appVersion')}</th>
              <th scope="col">{t('stores.backlog')}</th>
              <th scope="col">{t('stores.state')}</th>
            </tr>
          </thead>
          <tbody>
            {tills.map((till) => (
              <tr key={till.tillId}>
                <th scope="row">{till.label ? `${till.label} (${till.tillId})` : till.tillId}</th>
                <td>{when(till.lastSeenAt)}</td>
                <td>{till.appVersion ?? t('stores.versionUnknown')}</td>
                <td>{t('stores.backlogText', { pending: till.syncBacklog.pendingRecords, refused: till.syncBacklog.quarantined })}</td>
                <td>
                  {till.revoked ? (
                    t('stores.tillRevoked')
                  ) : canRevoke ? (
                    <ConfirmAction
                      label={t('stores.revokeTill', { till: till.tillId })}
                      question={t('stores.revokeQuestion', { till: till.tillId })}
                      onConfirm={() => void revoke(till.tillId)}
                    />
                  ) : (
                    t('stores.tillActive')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
