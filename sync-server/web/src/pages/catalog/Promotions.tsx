import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogSection, RowActions } from './CatalogSection';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { CatalogApi, PromotionSummary } from './catalog-api';
import { PromotionEditor } from './PromotionEditor';

type Props = { readonly api: CatalogApi; readonly canEdit: boolean };

/**
 * The chain's promotions (issue 14), a page at a time: administrators create, change (each save a new
 * version) and delete them; managers read them. Every change reaches online tills at once.
 */
export function Promotions({ api, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('promotions');
  const [rows, setRows] = useState<readonly PromotionSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ readonly id: string | null; readonly n: number } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const load = (after?: string) =>
    api.promotions(after).then(
      (page) => {
        setRows((shown) => [...(after === undefined ? [] : (shown ?? [])), ...page.promotions]);
        setNext(page.next);
        setProblem(null);
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  useEffect(() => {
    void load();
    // Read again after each change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, reloadKey]);
  const reload = () => setReloadKey((n) => n + 1);
  const open = (id: string | null) => setOpened((o) => ({ id, n: (o?.n ?? 0) + 1 }));
  const remove = async (row: PromotionSummary) => {
    setDone(null);
    try {
      await api.deletePromotion(row.id);
      setDone(t('promotions.deleted', { name: row.name }));
      if (opened?.id === row.id) setOpened(null);
      reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const when = (iso: string | undefined) => (iso === undefined ? '…' : new Date(iso).toLocaleString(i18n.language));

  return (
    <CatalogSection
      headingId="promotions-title"
      title={t('promotions.title')}
      help={t('promotions.help')}
      problem={problem}
      done={done}
      newLabel={canEdit ? t('promotions.new') : null}
      onNew={() => open(null)}
    >
      {rows !== null && rows.length === 0 && <p>{t('promotions.none')}</p>}
      {rows !== null && rows.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('promotions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('promotions.id')}</th>
              <th scope="col">{t('promotions.name')}</th>
              <th scope="col">{t('promotions.kind')}</th>
              <th scope="col">{t('promotions.window')}</th>
              <th scope="col">{t('promotions.version')}</th>
              <th scope="col">{t('catalog.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.id}</td>
                <td>{row.name}</td>
                <td>{t(`promotions.kinds.${row.benefitType}`)}</td>
                <td>{row.from === undefined && row.to === undefined ? '' : `${when(row.from)} – ${when(row.to)}`}</td>
                <td>{row.version}</td>
                <RowActions
                  name={row.name}
                  canEdit={canEdit}
                  deleteLabel={t('promotions.delete')}
                  deleteQuestion={t('promotions.deleteQuestion', { name: row.name })}
                  onOpen={() => open(row.id)}
                  onDelete={() => void remove(row)}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <p>
          <button type="button" onClick={() => void load(next)}>
            {t('promotions.more')}
          </button>
        </p>
      )}
      {opened !== null && (
        <PromotionEditor key={opened.n} api={api} id={opened.id} canEdit={canEdit} onSaved={reload} onClose={() => setOpened(null)} />
      )}
    </CatalogSection>
  );
}
