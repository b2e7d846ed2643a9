import type { LoyaltyProgram } from '@pos/core';
import type { LoyaltyProgramRead } from '@pos/core/sync/head-office-api';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../app/client-context';
import type { PageProps } from '../app/page-props';
import { useScopedErrorText } from '../app/use-scoped-error-text';
import { RowActions } from './catalog/CatalogSection';
import { loyaltyApi } from './loyalty/loyalty-api';
import { ProgramForm } from './loyalty/ProgramForm';
import { CardLookup } from './cards/CardLookup';

/**
 * The chain's loyalty program (administrators, as the hub checks): one live at a time, each save
 * its next version, pulled by every till; ending it stops earning (points already earned stay).
 */
export default function LoyaltyPage({ access }: PageProps) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const api = useMemo(() => loyaltyApi(client), [client]);
  const errorText = useScopedErrorText('loyalty');
  const canEdit = access === 'edit';
  const [programs, setPrograms] = useState<readonly LoyaltyProgramRead[] | null>(null);
  const [opened, setOpened] = useState<{ readonly program: LoyaltyProgram | null; readonly n: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    api.list().then(
      (list) => setPrograms(list.programs),
      (error: unknown) => setProblem(errorText(error)),
    );
    // Read again after each change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, reloadKey]);
  const reload = () => setReloadKey((n) => n + 1);
  const open = (program: LoyaltyProgram | null) => setOpened((o) => ({ program, n: (o?.n ?? 0) + 1 }));
  const end = async (program: LoyaltyProgram) => {
    setDone(null);
    try {
      await api.end(program.id);
      setDone(t('loyalty.ended', { name: program.name }));
      setOpened(null);
      reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const live = programs?.some((p) => !p.deleted) ?? true;

  return (
    <section aria-labelledby="loyalty-title">
      <h1 id="loyalty-title">{t('loyalty.title')}</h1>
      <p>{t('loyalty.help')}</p>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {programs !== null && programs.length === 0 && <p>{t('loyalty.none')}</p>}
      {programs !== null && programs.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('loyalty.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('loyalty.name')}</th>
              <th scope="col">{t('loyalty.id')}</th>
              <th scope="col">{t('loyalty.version')}</th>
              <th scope="col">{t('loyalty.status')}</th>
              <th scope="col">{t('loyalty.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {programs.map(({ program, deleted }) => (
              <tr key={program.id}>
                <th scope="row">{program.name}</th>
                <td>{program.id}</td>
                <td>{program.version}</td>
                <td>{t(deleted ? 'loyalty.statuses.ended' : 'loyalty.statuses.live')}</td>
                <RowActions
                  name={program.name}
                  canEdit={canEdit && !deleted}
                  deleteLabel={t('loyalty.end')}
                  deleteQuestion={t('loyalty.endQuestion', { name: program.name })}
                  onOpen={() => open(program)}
                  onDelete={() => void end(program)}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && !live && (
        <p>
          <button type="button" onClick={() => open(null)}>
            {t('loyalty.new')}
          </button>
        </p>
      )}
      {opened !== null && <ProgramForm key={opened.n} api={api} program={opened.program} canEdit={canEdit} onSaved={reload} />}
      <CardLookup />
    </section>
  );
}
