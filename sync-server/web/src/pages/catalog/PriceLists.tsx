import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogSection, RowActions } from './CatalogSection';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { CatalogApi, PriceListSummary } from './catalog-api';
import { PriceListEditor } from './PriceListEditor';

type Props = { readonly api: CatalogApi; readonly canEdit: boolean };

/**
 * The chain's price lists (a store's settings name the one its tills sell at): administrators
 * create, change and delete them; managers read them. Every change reaches online tills at once.
 */
export function PriceLists({ api, canEdit }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('catalog.priceLists');
  const [lists, setLists] = useState<readonly PriceListSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ readonly id: string | null; readonly n: number } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  useEffect(() => {
    api.priceLists().then(
      (found) => {
        setLists(found);
        setProblem(null);
      },
      (error: unknown) => setProblem(errorText(error)),
    );
    // Read again after each change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, reloadKey]);
  const reload = () => setReloadKey((n) => n + 1);
  const open = (id: string | null) => setOpened((o) => ({ id, n: (o?.n ?? 0) + 1 }));
  const remove = async (list: PriceListSummary) => {
    setDone(null);
    try {
      await api.deletePriceList(list.id);
      setDone(t('catalog.priceLists.deleted', { name: list.name }));
      if (opened?.id === list.id) setOpened(null);
      reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <CatalogSection
      headingId="price-lists-title"
      title={t('catalog.priceLists.title')}
      help={t('catalog.priceLists.help')}
      problem={problem}
      done={done}
      newLabel={canEdit ? t('catalog.priceLists.new') : null}
      onNew={() => open(null)}
    >
      {lists !== null && lists.length === 0 && <p>{t('catalog.priceLists.none')}</p>}
      {lists !== null && lists.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('catalog.priceLists.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.priceLists.id')}</th>
              <th scope="col">{t('catalog.priceLists.name')}</th>
              <th scope="col">{t('catalog.priceLists.entryCount')}</th>
              <th scope="col">{t('catalog.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={list.id}>
                <td>{list.id}</td>
                <td>{list.name}</td>
                <td>{list.entryCount}</td>
                <RowActions
                  name={list.name}
                  canEdit={canEdit}
                  deleteLabel={t('catalog.priceLists.delete')}
                  deleteQuestion={t('catalog.priceLists.deleteQuestion', { name: list.name })}
                  onOpen={() => open(list.id)}
                  onDelete={() => void remove(list)}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opened !== null && (
        <PriceListEditor key={opened.n} api={api} id={opened.id} canEdit={canEdit} onSaved={reload} onClose={() => setOpened(null)} />
      )}
    </CatalogSection>
  );
}
